package io.mdmhub.support;

import io.mdmhub.support.HubClient.Reply;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Reads cancellation jobs over HTTP and from the database. */
public final class CancellationJobs {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private CancellationJobs() {}

  /**
   * Reads the job resource at {@code jobPath} (including any query) until the job is no longer
   * {@code RUNNING} or the read fails, and returns the last response. Fails after 90 seconds.
   */
  public static Reply awaitEnd(String jobPath, String authorization) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (true) {
      Reply job = HubClient.send("GET", jobPath, authorization, null, null);
      if (job.status() != 200 || !"RUNNING".equals(job.element("state"))) {
        return job;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Job at " + jobPath + " still RUNNING after " + TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  /** Returns the job's row as column name to value, or null when there is none. */
  public static Map<String, Object> row(String jobId) throws SQLException {
    return TestDatabase.row("SELECT * FROM cancellation_job WHERE id = ?", jobId);
  }

  /** Returns the number of cancellation jobs of a universe, for every source. */
  public static long count(String universeId) throws SQLException {
    Object count =
        TestDatabase.column(
                "SELECT COUNT(*) FROM cancellation_job WHERE universe_id = ?", universeId)
            .get(0);
    return ((Number) count).longValue();
  }
}
