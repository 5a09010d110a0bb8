package io.mdmhub.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Simultaneous Cancel Pending Batches requests for one pair never run two jobs at once. */
class ConcurrentCancellationIT {

  private static final int REQUESTS = 20;

  private final ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void busyJobGivesOneAcceptedNineteenConflicts() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 50);
    List<Reply> replies;
    try (RowLock lock = RowLock.on(ids.get(0))) {
      replies = sendTogether();
    }

    List<Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
    List<Reply> conflicts = replies.stream().filter(r -> r.status() == 409).toList();
    assertEquals(1, accepted.size(), "accepted requests: " + statuses(replies));
    assertEquals(REQUESTS - 1, conflicts.size(), "conflicting requests: " + statuses(replies));
    String jobId = accepted.get(0).element("id");
    for (Reply conflict : conflicts) {
      XmlAssert.error(conflict, 409, "Batch cancellation job " + jobId + " is already in progress");
    }
    Reply job = Jobs.awaitEnd(tenant, "SF", jobId);
    assertEquals("COMPLETED", job.element("state"), "job state");
    assertEquals("50", job.element("canceledCount"), "canceled count");
    assertEquals(
        List.of(jobId),
        TestDatabase.column(
            "SELECT DISTINCT canceled_by_job FROM batch WHERE universe_id = ?",
            tenant.universeId()),
        "every batch was canceled by the one job");
    assertEquals(1, jobsOfPair().size(), "jobs registered for the pair");
  }

  @Test
  void simultaneousRoundsNeverOverlap() throws Exception {
    TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 3_000);

    List<Reply> replies = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      replies.addAll(sendTogether());
    }

    for (Reply reply : replies) {
      assertTrue(
          reply.status() == 202 || reply.status() == 409,
          "status " + reply.status() + ": " + reply.body());
    }
    List<String> jobIds =
        replies.stream().filter(r -> r.status() == 202).map(r -> r.element("id")).toList();
    for (String jobId : jobIds) {
      Jobs.awaitEnd(tenant, "SF", jobId);
    }
    List<Map<String, Object>> jobs = jobsOfPair();
    assertEquals(jobIds.size(), jobs.size(), "one job per accepted request");
    for (int i = 1; i < jobs.size(); i++) {
      Timestamp previousEnd = (Timestamp) jobs.get(i - 1).get("ended_at");
      Timestamp nextStart = (Timestamp) jobs.get(i).get("started_at");
      assertTrue(
          !nextStart.before(previousEnd),
          "job " + i + " started at " + nextStart + " before the previous ended at " + previousEnd);
    }
    int canceledByJobs =
        jobs.stream().mapToInt(job -> ((Number) job.get("canceled_count")).intValue()).sum();
    assertEquals(3_000, canceledByJobs, "batches counted by the jobs together");
    assertEquals(
        Map.of("CANCELED", 3_000),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "every batch canceled exactly once");
  }

  private List<Reply> sendTogether() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reply>> futures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      futures.add(
          clients.submit(
              () -> {
                start.await();
                return tenant.cancel("SF");
              }));
    }
    start.countDown();
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> future : futures) {
      replies.add(future.get());
    }
    return replies;
  }

  private List<Map<String, Object>> jobsOfPair() throws Exception {
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (Object id :
        TestDatabase.column(
            "SELECT id FROM cancellation_job WHERE universe_id = ? ORDER BY started_at",
            tenant.universeId())) {
      jobs.add(TestDatabase.row("SELECT * FROM cancellation_job WHERE id = ?", id));
    }
    return jobs;
  }

  private static List<Integer> statuses(List<Reply> replies) {
    return replies.stream().map(Reply::status).toList();
  }
}
