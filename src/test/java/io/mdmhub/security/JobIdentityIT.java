package io.mdmhub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mdmhub.support.BatchRowLock;
import io.mdmhub.support.CancellationJobs;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The identity a cancellation job records: the {@code sub} of the token that started it, with
 * scheme {@code BEARER}, kept apart for concurrent callers and kept after the token expires.
 */
class JobIdentityIT {

  /** A JWT caller and the universe and source it cancels. */
  private record Request(String subject, Tenant tenant, String source) {

    String authorization() {
      return Tokens.bearer(subject, tenant.accountId(), Tokens.BATCH_MANAGEMENT);
    }

    String cancelPath() {
      return tenant.cancelPath(source) + "?repositoryId=" + tenant.repositoryId();
    }

    String jobPath(String jobId) {
      return tenant.cancelPath(source) + "/" + jobId + "?repositoryId=" + tenant.repositoryId();
    }
  }

  @Test
  void sameTenantUsersKeepOwnIdentity() throws Exception {
    Tenant tenant = HubClient.newTenant();

    startTogetherAndCheck(
        List.of(new Request("alice", tenant, "SF"), new Request("bob", tenant, "NS")));
  }

  @Test
  void twoTenantsUsersKeepOwnIdentity() throws Exception {
    Tenant first = HubClient.newTenant();
    Tenant second = HubClient.newTenant();

    startTogetherAndCheck(
        List.of(new Request("alice", first, "SF"), new Request("bob", second, "SF")));
  }

  @Test
  void expiredTokenDoesNotStopJob() throws Exception {
    Tenant tenant = HubClient.newTenant();
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 1);
    Instant issuedAt = Instant.now();
    Instant expiry = issuedAt.plusSeconds(6);
    String shortLived =
        Tokens.rs256("dana", tenant.accountId(), Tokens.BATCH_MANAGEMENT)
            .issuedAt(issuedAt)
            .expiresAt(expiry)
            .bearer();
    String query = "?repositoryId=" + tenant.repositoryId();
    String jobPath;

    try (BatchRowLock lock = BatchRowLock.on(ids.get(0))) {
      Reply accepted =
          HubClient.send("POST", tenant.cancelPath("SF") + query, shortLived, null, null);
      assertEquals(202, accepted.status(), "status: " + accepted.body());
      String jobId = accepted.element("id");
      assertNotNull(jobId, "job id in " + accepted.body());
      jobPath = tenant.cancelPath("SF") + "/" + jobId + query;

      // Past exp plus the 5 s clock skew, with a second to spare.
      sleepUntil(expiry.plusSeconds(6));
      Reply withExpired = HubClient.send("GET", jobPath, shortLived, null, null);
      Reply running = HubClient.send("GET", jobPath, fresh(tenant), null, null);

      XmlAssert.unauthorized(withExpired, tenant.cancelPath("SF") + "/" + jobId);
      assertEquals(200, running.status(), "job read with a fresh token: " + running.body());
      assertEquals("RUNNING", running.element("state"), "job state after the token expired");
      assertEquals("dana", running.element("requestedBy"), "requestedBy while running");
    }

    Reply ended = CancellationJobs.awaitEnd(jobPath, fresh(tenant));
    assertEquals(200, ended.status(), "job read status: " + ended.body());
    assertEquals("COMPLETED", ended.element("state"), "job state");
    assertEquals("dana", ended.element("requestedBy"), "job requestedBy");
    assertEquals("BEARER", ended.element("authScheme"), "job authScheme");
    assertEquals("1", ended.element("canceledCount"), "canceled count");
    Map<String, Object> row = CancellationJobs.row(ended.element("id"));
    assertEquals("dana", row.get("requested_by"), "requested_by column");
    assertEquals("BEARER", row.get("auth_scheme"), "auth_scheme column");
    assertEquals("COMPLETED", row.get("state"), "state column");
    assertEquals(
        Map.of("CANCELED", 1),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "batch states after the job");
  }

  /**
   * Locks one pending batch of each request's pair, sends all requests at one moment, checks that
   * each running job names its own caller, then releases the locks and checks the ended jobs and
   * the database.
   */
  private static void startTogetherAndCheck(List<Request> requests) throws Exception {
    List<BatchRowLock> locks = new ArrayList<>();
    List<Reply> replies;
    try {
      for (Request request : requests) {
        List<Long> ids =
            TestDatabase.insertBatches(
                request.tenant().universeId(), request.source(), "ENRICHED", 2);
        locks.add(BatchRowLock.on(ids.get(0)));
      }

      replies = sendTogether(requests);

      for (int i = 0; i < requests.size(); i++) {
        Request request = requests.get(i);
        Reply reply = replies.get(i);
        assertEquals(202, reply.status(), request.subject() + " status: " + reply.body());
        assertEquals(
            request.subject(), reply.element("requestedBy"), request.subject() + " 202 body");
        assertEquals("BEARER", reply.element("authScheme"), request.subject() + " 202 scheme");
        Reply running =
            HubClient.send(
                "GET", request.jobPath(reply.element("id")), request.authorization(), null, null);
        assertEquals("RUNNING", running.element("state"), request.subject() + " job state");
        assertEquals(
            request.subject(), running.element("requestedBy"), request.subject() + " running job");
      }
    } finally {
      for (BatchRowLock lock : locks) {
        lock.close();
      }
    }

    for (int i = 0; i < requests.size(); i++) {
      Request request = requests.get(i);
      String jobId = replies.get(i).element("id");
      Reply ended = CancellationJobs.awaitEnd(request.jobPath(jobId), request.authorization());
      String subject = request.subject();
      assertEquals("COMPLETED", ended.element("state"), subject + " job state");
      assertEquals(subject, ended.element("requestedBy"), subject + " job requestedBy");
      assertEquals("BEARER", ended.element("authScheme"), subject + " job authScheme");
      assertEquals("2", ended.element("canceledCount"), subject + " canceled count");
      Map<String, Object> row = CancellationJobs.row(jobId);
      assertEquals(subject, row.get("requested_by"), subject + " requested_by column");
      assertEquals("BEARER", row.get("auth_scheme"), subject + " auth_scheme column");
      assertEquals(request.tenant().universeId(), row.get("universe_id"), subject + " universe");
      assertEquals(request.source(), row.get("source_code"), subject + " source");
      assertEquals(
          Map.of("CANCELED", 2),
          TestDatabase.countByState(request.tenant().universeId(), request.source()),
          subject + " batch states");
    }
  }

  /** Sends every request from its own thread once all threads are ready, in request order. */
  private static List<Reply> sendTogether(List<Request> requests) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      CountDownLatch ready = new CountDownLatch(requests.size());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Reply>> futures = new ArrayList<>();
      for (Request request : requests) {
        String authorization = request.authorization();
        futures.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return HubClient.send("POST", request.cancelPath(), authorization, null, null);
                }));
      }
      if (!ready.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("Request threads did not start within 10 s");
      }
      start.countDown();
      List<Reply> replies = new ArrayList<>();
      for (Future<Reply> future : futures) {
        replies.add(future.get(60, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      threads.shutdownNow();
    }
  }

  private static String fresh(Tenant tenant) {
    return Tokens.bearer("auditor", tenant.accountId(), Tokens.ACTIVITY_REPORTING);
  }

  private static void sleepUntil(Instant time) throws InterruptedException {
    Duration left = Duration.between(Instant.now(), time);
    if (!left.isNegative()) {
      Thread.sleep(left.toMillis());
    }
  }
}
