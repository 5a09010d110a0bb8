package io.mdmhub.batches;

import java.util.List;

/** The states of a batch. {@link #PENDING} lists those Cancel Pending Batches clears. */
public enum BatchState {
  CREATED,
  PARSING,
  PARSED,
  ENRICHING,
  ENRICHED,
  PROCESSING,
  COMPLETED,
  COMPLETED_ERRORS,
  ERRORED,
  CANCELED;

  /** States a batch waits in before incorporation; a cancellation job may cancel these. */
  public static final List<BatchState> PENDING = List.of(PARSED, ENRICHED);
}
