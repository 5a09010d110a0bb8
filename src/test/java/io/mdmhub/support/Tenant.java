package io.mdmhub.support;

/** An account with one repository, its hub token and one universe, made for one test. */
public record Tenant(String accountId, String repositoryId, String token, String universeId) {

  /** Returns the Basic {@code Authorization} value of this tenant's token. */
  public String auth() {
    return HubClient.basic(accountId, token);
  }

  public String cancelPath(String source) {
    return "/mdm/universes/" + universeId + "/sources/" + source + "/cancelPendingBatches";
  }

  public String recordsPath() {
    return "/mdm/universes/" + universeId + "/records";
  }

  public HubClient.Reply cancel(String source) {
    return HubClient.send("POST", cancelPath(source), auth(), null, null);
  }

  public HubClient.Reply stage(String body) {
    return HubClient.send("POST", recordsPath(), auth(), "application/xml", body);
  }

  /** Sets a source's incorporation to {@code running} or {@code paused}, failing on non-200. */
  public void setIncorporation(String source, String incorporation) {
    HubClient.expect(
        HubClient.admin(
            "PUT",
            "/universes/" + universeId + "/sources/" + source,
            "<source incorporation=\"" + incorporation + "\"/>"),
        200);
  }

  /** Reads the status of one batch of this universe. */
  public HubClient.Reply status(long batchId) {
    return HubClient.send("GET", recordsPath() + "/updates/" + batchId, auth(), null, null);
  }

  /** Sends a Query Batch History body. */
  public HubClient.Reply history(String body) {
    return HubClient.send("POST", recordsPath() + "/updates", auth(), "application/xml", body);
  }

  public String universePath() {
    return "/mdm/universes/" + universeId;
  }

  public String jobsPath(String source) {
    return "/mdm/universes/" + universeId + "/sources/" + source + "/cancellationJobs";
  }
}
