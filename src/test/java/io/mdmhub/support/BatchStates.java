package io.mdmhub.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Reads batch rows and waits for background processing to move them into expected states. */
public final class BatchStates {

  /** States a batch does not leave again. */
  public static final Set<String> FINAL =
      Set.of("COMPLETED", "COMPLETED_ERRORS", "ERRORED", "CANCELED");

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private BatchStates() {}

  /** Returns the batch id at the end of a batch URL such as {@code …/records/updates/42}. */
  public static long idOf(String batchUrl) {
    return Long.parseLong(batchUrl.substring(batchUrl.lastIndexOf('/') + 1).trim());
  }

  /** Returns the state of a batch row. */
  public static String state(long batchId) throws Exception {
    Map<String, Object> row = TestDatabase.row("SELECT state FROM batch WHERE id = ?", batchId);
    if (row == null) {
      throw new AssertionError("Batch " + batchId + " has no row");
    }
    return (String) row.get("state");
  }

  /**
   * Reads the batch row until its state is one of {@code states}, failing after 60 seconds. Returns
   * the row as column name to value.
   */
  public static Map<String, Object> await(long batchId, Set<String> states) throws Exception {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (true) {
      Map<String, Object> batch = TestDatabase.row("SELECT * FROM batch WHERE id = ?", batchId);
      if (batch == null) {
        throw new AssertionError("Batch " + batchId + " has no row");
      }
      String state = (String) batch.get("state");
      if (states.contains(state)) {
        return batch;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "Batch " + batchId + " still " + state + " after " + TIMEOUT + ", expected " + states);
      }
      Thread.sleep(100);
    }
  }

  /** Waits until a batch has ended in any final state and returns its row. */
  public static Map<String, Object> awaitFinal(long batchId) throws Exception {
    return await(batchId, FINAL);
  }
}
