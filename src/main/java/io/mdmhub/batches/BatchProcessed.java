package io.mdmhub.batches;

/**
 * CDI event fired on the executor thread once parsing and enrichment of a batch have finished,
 * whatever the outcome, so the next step for its source can start.
 */
public record BatchProcessed(long batchId, String universeId, String sourceCode) {}
