package io.mdmhub.errors;

import jakarta.ws.rs.core.Response;

/** A resource that does not exist, or that the caller may not know exists: 404. */
public class NotFoundException extends HubException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String... messages) {
    super(Response.Status.NOT_FOUND, messages);
  }

  public static NotFoundException repository(String repositoryId) {
    return new NotFoundException("A repository with id '" + repositoryId + "' does not exist.");
  }

  /** Returns the short form, used when the id is not even a UUID. */
  public static NotFoundException universe(String universeId) {
    return new NotFoundException("A universe with id '" + universeId + "' does not exist.");
  }

  /**
   * Returns the two-message form, used for a UUID that names no universe of the caller's
   * repository, whether or not it exists elsewhere.
   */
  public static NotFoundException universeDefinition(String universeId) {
    return new NotFoundException(
        "A universe with id '" + universeId + "' does not exist.",
        "Universe definition with id '"
            + universeId
            + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
            + universeId
            + "'.");
  }

  public static NotFoundException source(String universeId, String sourceCode) {
    return new NotFoundException(
        "Source with code '"
            + sourceCode
            + "' does not exist under universe '"
            + universeId
            + "'.");
  }

  public static NotFoundException batch(String batchId) {
    return new NotFoundException("A batch with id '" + batchId + "' does not exist.");
  }

  public static NotFoundException cancellationJob(String jobId) {
    return new NotFoundException(
        "A batch cancellation job with id '" + jobId + "' does not exist.");
  }
}
