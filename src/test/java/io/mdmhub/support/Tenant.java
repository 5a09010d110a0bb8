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
}
