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

  /** States a batch ends in once incorporation has run on it. */
  public static final List<BatchState> INCORPORATED = List.of(COMPLETED, COMPLETED_ERRORS, ERRORED);

  /**
   * States of a batch that has not ended yet. Incorporation of a source waits while its oldest
   * batch in one of these states is not {@code ENRICHED}, so batches are incorporated in id order.
   */
  public static final List<BatchState> UNFINISHED =
      List.of(CREATED, PARSING, PARSED, ENRICHING, ENRICHED, PROCESSING);
}
