package io.mdmhub.cancellation;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Polls cancellation jobs until they end. */
final class Jobs {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private Jobs() {}

  /** Reads the job until it is no longer RUNNING, failing after 90 seconds. */
  static Reply awaitEnd(Tenant tenant, String source, String jobId) throws InterruptedException {
    Instant deadline = Instant.now().plus(TIMEOUT);
    while (true) {
      Reply job =
          HubClient.send("GET", tenant.cancelPath(source) + "/" + jobId, tenant.auth(), null, null);
      if (job.status() != 200 || !"RUNNING".equals(job.element("state"))) {
        return job;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Job " + jobId + " still RUNNING after " + TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  /** Returns the id of the newest job of the pair, read from the database. */
  static String latestJobId(Tenant tenant, String source) throws Exception {
    List<Object> ids =
        TestDatabase.column(
            "SELECT id FROM cancellation_job WHERE universe_id = ? AND source_code = '"
                + source
                + "' ORDER BY requested_at DESC",
            tenant.universeId());
    return (String) ids.get(0);
  }
}
