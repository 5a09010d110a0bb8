package io.mdmhub.batches;

import io.mdmhub.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Reads staged batches from the database and waits for their background processing. */
final class StagedBatches {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** States a batch passes through before enrichment ends or parsing fails. */
  private static final Set<String> IN_PROGRESS =
      Set.of("CREATED", "PARSING", "PARSED", "ENRICHING");

  private StagedBatches() {}

  /** Returns the number of batch rows of a universe, in every state and source. */
  static long count(String universeId) throws Exception {
    Object count =
        TestDatabase.column("SELECT COUNT(*) FROM batch WHERE universe_id = ?", universeId).get(0);
    return ((Number) count).longValue();
  }

  /** Returns the batch id at the end of a batch URL such as {@code …/records/updates/42}. */
  static long idOf(String batchUrl) {
    return Long.parseLong(batchUrl.substring(batchUrl.lastIndexOf('/') + 1).trim());
  }

  /**
   * Reads the batch row until parsing and enrichment have finished with it, failing after 30
   * seconds. Returns the row as column name to value.
   */
  static Map<String, Object> awaitProcessed(long batchId) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (true) {
      Map<String, Object> batch = TestDatabase.row("SELECT * FROM batch WHERE id = ?", batchId);
      if (batch == null) {
        throw new AssertionError("Batch " + batchId + " has no row");
      }
      String state = (String) batch.get("state");
      if (!IN_PROGRESS.contains(state)) {
        return batch;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Batch " + batchId + " still " + state + " after " + TIMEOUT);
      }
      Thread.sleep(100);
    }
  }
}
