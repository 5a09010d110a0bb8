package io.mdmhub.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.LibertyNode;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cancellation across two Liberty nodes on one PostgreSQL database, and under failures: a killed
 * node, a terminated connection, a lock held past the timeout, a rejecting executor, a concurrent
 * state change and a far time zone. Runs only on PostgreSQL ({@code .ci/postgresql-tests});
 * embedded Derby serves one JVM.
 */
@EnabledIfSystemProperty(
    named = "mdm.test.db",
    matches = "postgresql",
    disabledReason = "Cluster tests need PostgreSQL; run .ci/postgresql-tests")
class ClusterCancellationIT {

  /** Second node: short lease and lock timeout, one executor thread, a UTC+14 time zone. */
  private static LibertyNode node2;

  private Tenant tenant;

  @BeforeAll
  static void startSecondNode() throws Exception {
    node2 =
        LibertyNode.start(
            "mdmNode2",
            port(1),
            Map.of(
                "mdm.cancel.lease-seconds", "4",
                "mdm.cancel.lease-renewal-seconds", "1",
                "mdm.cancel.lock-timeout-seconds", "3",
                "mdm.executor.max", "1",
                "mdm.executor.queue", "1"),
            List.of("-Duser.timezone=Pacific/Kiritimati"));
    // A new node serves its first requests slowly while it initializes. Warm it up with one
    // cancel, so no test spends its 3 s lock timeout there and sees that job fail.
    Tenant warmUp = HubClient.newTenant();
    Reply warm =
        HubClient.sendTo(
            node2.baseUrl(), "POST", warmUp.cancelPath("SF"), warmUp.auth(), null, null);
    assertEquals(202, warm.status(), "warm-up cancel on the second node: " + warm.body());
    Jobs.awaitEnd(warmUp, "SF", warm.element("id"));
  }

  @AfterAll
  static void stopSecondNode() throws Exception {
    if (node2 != null) {
      node2.close();
    }
  }

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void simultaneousRequestsAcrossNodes() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 20);
    List<Reply> replies = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(20);
    try (RowLock lock = RowLock.on(ids.get(0))) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String baseUrl = i % 2 == 0 ? HubClient.BASE_URL : node2.baseUrl();
        futures.add(
            clients.submit(
                () -> {
                  start.await();
                  return HubClient.sendTo(
                      baseUrl, "POST", tenant.cancelPath("SF"), tenant.auth(), null, null);
                }));
      }
      start.countDown();
      for (Future<Reply> future : futures) {
        replies.add(future.get());
      }
    } finally {
      clients.shutdownNow();
    }

    List<Reply> accepted = replies.stream().filter(r -> r.status() == 202).toList();
    assertEquals(1, accepted.size(), "accepted across both nodes");
    String jobId = accepted.get(0).element("id");
    for (Reply reply : replies) {
      if (reply.status() != 202) {
        XmlAssert.error(reply, 409, "Batch cancellation job " + jobId + " is already in progress");
      }
    }
    Reply job = Jobs.awaitEnd(tenant, "SF", jobId);
    assertEquals("COMPLETED", job.element("state"), "job state: " + job.body());
    assertEquals("20", job.element("canceledCount"), "canceled count");
    assertEquals(1, jobCount(), "jobs of the pair");
  }

  @Test
  void killedNodeIsSupersededAfterLease() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 5);
    LibertyNode node3 =
        LibertyNode.start(
            "mdmNode3",
            port(2),
            Map.of("mdm.cancel.lease-seconds", "4", "mdm.cancel.lease-renewal-seconds", "1"),
            List.of());
    String deadJob;
    Duration recovery;
    try (RowLock lock = RowLock.on(ids.get(0))) {
      Reply accepted =
          HubClient.sendTo(
              node3.baseUrl(), "POST", tenant.cancelPath("SF"), tenant.auth(), null, null);
      assertEquals(202, accepted.status(), "request on node 3: " + accepted.body());
      deadJob = accepted.element("id");
      assertTrue(deadJob.contains(":mdmNode3:"), "job id names node 3: " + deadJob);
      Thread.sleep(2_500);
      XmlAssert.error(
          tenant.cancel("SF"),
          409,
          "Batch cancellation job " + deadJob + " is already in progress");
      Map<String, Object> live =
          TestDatabase.row("SELECT * FROM cancellation_job WHERE id = ?", deadJob);
      Duration leaseLength =
          Duration.between(
              ((Timestamp) live.get("requested_at")).toLocalDateTime(),
              ((Timestamp) live.get("lease_until")).toLocalDateTime());
      assertTrue(
          leaseLength.toMillis() > 4_000, "the running job's lease was renewed: " + leaseLength);

      Instant killed = Instant.now();
      node3.kill();
      Reply replacement;
      do {
        Thread.sleep(200);
        replacement = tenant.cancel("SF");
      } while (replacement.status() == 409
          && Duration.between(killed, Instant.now()).toSeconds() < 30);
      recovery = Duration.between(killed, Instant.now());
      assertEquals(202, replacement.status(), "request after the lease: " + replacement.body());
    }
    System.out.println("Lease recovery after SIGKILL: " + recovery.toMillis() + " ms (lease 4 s)");
    assertTrue(recovery.toMillis() <= 4_000 + 1_500, "recovered within the lease: " + recovery);
    Map<String, Object> dead =
        TestDatabase.row("SELECT * FROM cancellation_job WHERE id = ?", deadJob);
    assertEquals("FAILED", dead.get("state"), "state of the dead node's job");
    assertTrue(
        ((String) dead.get("message")).startsWith("Superseded: the lease of node mdmNode3"),
        "reason: " + dead.get("message"));
    Reply job = Jobs.awaitEnd(tenant, "SF", Jobs.latestJobId(tenant, "SF"));
    assertEquals("COMPLETED", job.element("state"), "replacement job state");
    assertEquals(
        Map.of("CANCELED", 5), TestDatabase.countByState(tenant.universeId(), "SF"), "states");
  }

  @Test
  void restartedNodeFailsItsOrphans() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 3);
    LibertyNode node4 = LibertyNode.start("mdmNode4", port(3), Map.of(), List.of());
    try {
      String orphan;
      try (RowLock lock = RowLock.on(ids.get(0))) {
        Reply accepted =
            HubClient.sendTo(
                node4.baseUrl(), "POST", tenant.cancelPath("SF"), tenant.auth(), null, null);
        assertEquals(202, accepted.status(), "request on node 4: " + accepted.body());
        orphan = accepted.element("id");
        node4.kill();
      }
      node4.restart();

      Map<String, Object> job =
          TestDatabase.row("SELECT * FROM cancellation_job WHERE id = ?", orphan);
      assertEquals("FAILED", job.get("state"), "orphaned job after the restart");
      assertEquals(
          "The node restarted before the job finished; nothing changed.",
          job.get("message"),
          "reason");
      assertEquals(202, tenant.cancel("SF").status(), "next request");
    } finally {
      node4.close();
    }
  }

  @Test
  void terminatedConnectionFailsJob() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 4);
    String jobId;
    try (RowLock lock = RowLock.on(ids.get(0))) {
      Reply accepted = tenant.cancel("SF");
      assertEquals(202, accepted.status(), "request: " + accepted.body());
      jobId = accepted.element("id");

      terminateBackendWaitingOnLock();

      Reply job = Jobs.awaitEnd(tenant, "SF", jobId);
      assertEquals("FAILED", job.element("state"), "job state: " + job.body());
      assertTrue(
          job.element("message").startsWith("The job failed and changed nothing"),
          "reason: " + job.element("message"));
    }
    assertEquals(
        Map.of("ENRICHED", 4),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "no batch changed by the failed job");
    Reply next = tenant.cancel("SF");
    assertEquals(202, next.status(), "next request");
    assertEquals(
        "4",
        Jobs.awaitEnd(tenant, "SF", next.element("id")).element("canceledCount"),
        "canceled by the next job");
  }

  @Test
  void lockHeldPastTimeoutFailsJob() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 3);
    String jobId;
    try (RowLock lock = RowLock.on(ids.get(1))) {
      Reply accepted =
          HubClient.sendTo(
              node2.baseUrl(), "POST", tenant.cancelPath("SF"), tenant.auth(), null, null);
      assertEquals(202, accepted.status(), "request on node 2: " + accepted.body());
      jobId = accepted.element("id");

      Reply job = Jobs.awaitEnd(tenant, "SF", jobId);

      assertEquals("FAILED", job.element("state"), "job state: " + job.body());
      assertTrue(
          job.element("message").contains("lock timeout"), "reason: " + job.element("message"));
      assertNull(job.element("pendingRemaining"), "no pending count for a failed job");
    }
    assertEquals(
        Map.of("ENRICHED", 3),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "no batch changed by the failed job");
    Reply next =
        HubClient.sendTo(
            node2.baseUrl(), "POST", tenant.cancelPath("SF"), tenant.auth(), null, null);
    assertEquals(202, next.status(), "next request");
    assertEquals(
        "COMPLETED", Jobs.awaitEnd(tenant, "SF", next.element("id")).element("state"), "next job");
  }

  @Test
  void rejectingExecutorGivesServiceUnavailable() throws Exception {
    List<Long> blocking = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 1);
    TestDatabase.insertBatches(tenant.universeId(), "NS", "ENRICHED", 1);
    Tenant third = HubClient.newTenant();
    TestDatabase.insertBatches(third.universeId(), "SF", "ENRICHED", 1);
    try (RowLock lock = RowLock.on(blocking.get(0))) {
      Reply running =
          HubClient.sendTo(
              node2.baseUrl(), "POST", tenant.cancelPath("SF"), tenant.auth(), null, null);
      assertEquals(202, running.status(), "first job takes the only thread");
      Thread.sleep(300);
      Reply queued =
          HubClient.sendTo(
              node2.baseUrl(), "POST", tenant.cancelPath("NS"), tenant.auth(), null, null);
      assertEquals(202, queued.status(), "second job takes the only queue place");

      Reply rejected =
          HubClient.sendTo(
              node2.baseUrl(), "POST", third.cancelPath("SF"), third.auth(), null, null);

      XmlAssert.error(
          rejected,
          503,
          "The server is too busy to start a batch cancellation job. Nothing changed; retry later.");
      assertEquals(
          List.of("FAILED"),
          TestDatabase.column(
              "SELECT state FROM cancellation_job WHERE universe_id = ?", third.universeId()),
          "the rejected job left no RUNNING row");
    }
    assertEquals(
        Map.of("ENRICHED", 1),
        TestDatabase.countByState(third.universeId(), "SF"),
        "the rejected pair is untouched");
    assertEquals(202, third.cancel("SF").status(), "the rejected pair accepts the next request");
  }

  @Test
  void concurrentStateChangeIsKept() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 5);
    long moved = ids.get(2);
    String jobId;
    try (Connection connection = TestDatabase.connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement lock =
          connection.prepareStatement("UPDATE batch SET updated_at = updated_at WHERE id = ?")) {
        lock.setLong(1, moved);
        lock.executeUpdate();
      }
      Reply accepted = tenant.cancel("SF");
      assertEquals(202, accepted.status(), "request: " + accepted.body());
      jobId = accepted.element("id");
      Thread.sleep(1_000);
      try (PreparedStatement process =
          connection.prepareStatement("UPDATE batch SET state = 'PROCESSING' WHERE id = ?")) {
        process.setLong(1, moved);
        process.executeUpdate();
      }
      connection.commit();
    }

    Reply job = Jobs.awaitEnd(tenant, "SF", jobId);
    assertEquals("COMPLETED", job.element("state"), "job state: " + job.body());
    assertEquals("4", job.element("canceledCount"), "canceled count");
    assertEquals(
        "PROCESSING",
        TestDatabase.row("SELECT state FROM batch WHERE id = ?", moved).get("state"),
        "the batch that moved on keeps its state");
    assertEquals(
        Map.of("CANCELED", 4, "PROCESSING", 1),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "states");
  }

  @Test
  void farTimeZoneStoresUtc() throws Exception {
    Instant before = Instant.now();
    Reply accepted =
        HubClient.sendTo(
            node2.baseUrl(), "POST", tenant.cancelPath("NS"), tenant.auth(), null, null);
    assertEquals(202, accepted.status(), "request on node 2: " + accepted.body());

    Instant requestedAt = Instant.parse(accepted.element("requestedAt"));
    assertTrue(
        Duration.between(before, requestedAt).abs().toSeconds() < 10,
        "requestedAt " + requestedAt + " is close to " + before);
    try (Connection connection = TestDatabase.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT requested_at FROM cancellation_job WHERE id = ?")) {
      query.setString(1, accepted.element("id"));
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "job row");
        LocalDateTime stored = row.getObject(1, LocalDateTime.class);
        assertEquals(
            requestedAt,
            stored.toInstant(ZoneOffset.UTC),
            "stored wall-clock time is UTC, not the node's UTC+14");
      }
    }
  }

  private long jobCount() throws Exception {
    return TestDatabase.column(
            "SELECT id FROM cancellation_job WHERE universe_id = ?", tenant.universeId())
        .size();
  }

  /** Terminates the PostgreSQL backend of a job that waits for a row lock. */
  private static void terminateBackendWaitingOnLock() throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    try (Connection connection = TestDatabase.connect()) {
      while (Instant.now().isBefore(deadline)) {
        try (PreparedStatement terminate =
                connection.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                        + " AND query LIKE 'UPDATE batch SET%canceled_by_job%'");
            ResultSet rows = terminate.executeQuery()) {
          if (rows.next()) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("No job backend waited on the row lock within 20 s");
  }

  private static int port(int offset) {
    return Integer.parseInt(System.getProperty("mdm.test.clusterBasePort", "9480")) + offset;
  }
}
