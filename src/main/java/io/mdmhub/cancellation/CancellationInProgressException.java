package io.mdmhub.cancellation;

import io.mdmhub.errors.ConflictException;

/** A cancellation job for the same (universe, source) pair holds its lease: 409. */
public class CancellationInProgressException extends ConflictException {

  private static final long serialVersionUID = 1L;

  public CancellationInProgressException(String jobId) {
    super("Batch cancellation job " + jobId + " is already in progress");
  }
}
