package io.mdmhub.cancellation;

import jakarta.ejb.ApplicationException;

/**
 * Raised when a job reaches its end but is no longer {@code RUNNING}, because a later request
 * superseded it after its lease expired. It rolls back the job's batch changes.
 */
@ApplicationException(rollback = true)
public class JobSupersededException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public JobSupersededException(String jobId) {
    super("Cancellation job " + jobId + " was superseded before it finished; nothing changed.");
  }
}
