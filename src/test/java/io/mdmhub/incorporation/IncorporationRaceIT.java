package io.mdmhub.incorporation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.BatchStates;
import io.mdmhub.support.CancellationJobs;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Incorporation and Cancel Pending Batches started at the same moment on the same enriched batches:
 * each batch must end either incorporated or canceled, never both.
 */
class IncorporationRaceIT {

  private static final int BATCHES = 60;

  @RepeatedTest(3)
  void everyBatchEndsOnce() throws Exception {
    Tenant tenant = HubClient.newTenant();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < BATCHES; i++) {
      Reply reply =
          tenant.stage(
              "<batch src=\"SF\">" + IncorporationIT.contact("UPSERT", "e" + i, "n") + "</batch>");
      assertEquals(202, reply.status(), "staging: " + reply.body());
      ids.add(BatchStates.idOf(reply.body()));
    }
    for (long id : ids) {
      BatchStates.await(id, Set.of("ENRICHED"));
    }

    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<Void> resume =
        CompletableFuture.runAsync(
            () -> {
              awaitQuietly(start);
              tenant.setIncorporation("SF", "running");
            });
    CompletableFuture<Reply> cancel =
        CompletableFuture.supplyAsync(
            () -> {
              awaitQuietly(start);
              return tenant.cancel("SF");
            });
    start.countDown();
    resume.join();
    Reply accepted = cancel.join();
    assertEquals(202, accepted.status(), "cancel: " + accepted.body());
    Reply job =
        CancellationJobs.awaitEnd(new URI(accepted.header("Location")).getRawPath(), tenant.auth());
    assertEquals("COMPLETED", job.element("state"), "job: " + job.body());

    Set<Long> completed = new HashSet<>();
    Set<Long> canceled = new HashSet<>();
    for (int i = 0; i < BATCHES; i++) {
      long id = ids.get(i);
      Map<String, Object> batch = BatchStates.awaitFinal(id);
      String state = (String) batch.get("state");
      if (state.equals("CANCELED")) {
        canceled.add(id);
        assertNull(batch.get("process_started_at"), "canceled batch " + id + " was processed");
        assertNull(batch.get("created_count"), "canceled batch " + id + " has record counts");
        assertEquals(0, records(tenant, "e" + i), "records of canceled batch " + id);
      } else {
        assertEquals("COMPLETED", state, "final state of batch " + id);
        completed.add(id);
        assertNull(batch.get("canceled_by_job"), "completed batch " + id + " names a job");
        assertNotNull(batch.get("process_started_at"), "completed batch " + id + " start");
        assertEquals(1, records(tenant, "e" + i), "records of completed batch " + id);
      }
    }
    assertEquals(BATCHES, completed.size() + canceled.size(), "every batch ended once");
    assertEquals(
        Integer.toString(canceled.size()), job.element("canceledCount"), "job canceled count");
    if (!completed.isEmpty() && !canceled.isEmpty()) {
      // Incorporation goes oldest first and the job cancels all pending batches at once, so the
      // completed batches are the oldest ones.
      long newestCompleted = completed.stream().mapToLong(Long::longValue).max().getAsLong();
      long oldestCanceled = canceled.stream().mapToLong(Long::longValue).min().getAsLong();
      assertTrue(
          newestCompleted < oldestCanceled,
          "completed " + completed + " all older than canceled " + canceled);
    }
    assertEquals(
        completed.size(),
        ((Number)
                TestDatabase.column(
                        "SELECT COUNT(*) FROM source_record WHERE universe_id = ?",
                        tenant.universeId())
                    .get(0))
            .intValue(),
        "one record per completed batch");
  }

  private static int records(Tenant tenant, String entityId) throws Exception {
    Object count =
        TestDatabase.column(
                "SELECT COUNT(*) FROM source_record WHERE universe_id = ? AND entity_id = '"
                    + entityId
                    + "'",
                tenant.universeId())
            .get(0);
    return ((Number) count).intValue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
