package io.mdmhub.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one cancellation job may change: its cap, its pair, and only pending batches. */
class CancellationLimitsIT {

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void capLeavesNewestPending() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 10_001);

    Reply first = Jobs.awaitEnd(tenant, "SF", accepted(tenant.cancel("SF")));

    assertEquals("COMPLETED", first.element("state"), "first job state");
    assertEquals("10000", first.element("canceledCount"), "first job canceled count");
    assertEquals("1", first.element("pendingRemaining"), "first job pending left");
    assertEquals(
        Map.of("CANCELED", 10_000, "ENRICHED", 1),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "states after the first job");
    long newest = ids.get(ids.size() - 1);
    assertEquals(
        "ENRICHED",
        TestDatabase.row("SELECT state FROM batch WHERE id = ?", newest).get("state"),
        "the newest batch is the one left pending");

    Reply second = Jobs.awaitEnd(tenant, "SF", accepted(tenant.cancel("SF")));

    assertEquals("COMPLETED", second.element("state"), "second job state");
    assertEquals("1", second.element("canceledCount"), "second job canceled count");
    assertEquals("0", second.element("pendingRemaining"), "second job pending left");
    assertEquals(
        Map.of("CANCELED", 10_001),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "states after the second job");
  }

  @Test
  void nonePendingCompletesWithZero() throws Exception {
    TestDatabase.insertBatches(tenant.universeId(), "SF", "COMPLETED", 2);

    Reply job = Jobs.awaitEnd(tenant, "SF", accepted(tenant.cancel("SF")));

    assertEquals("COMPLETED", job.element("state"), "job state");
    assertEquals("0", job.element("canceledCount"), "canceled count");
    assertEquals("0", job.element("pendingRemaining"), "pending left");
    assertEquals(
        Map.of("COMPLETED", 2),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "states after the job");
  }

  @Test
  void otherPairsAndStatesUntouched() throws Exception {
    Tenant other = HubClient.newTenant();
    for (String state : List.of("PARSED", "ENRICHED")) {
      TestDatabase.insertBatches(tenant.universeId(), "SF", state, 2);
      TestDatabase.insertBatches(tenant.universeId(), "NS", state, 2);
      TestDatabase.insertBatches(other.universeId(), "SF", state, 2);
    }
    List<String> notPending =
        List.of(
            "CREATED",
            "PARSING",
            "ENRICHING",
            "PROCESSING",
            "COMPLETED",
            "COMPLETED_ERRORS",
            "ERRORED",
            "CANCELED");
    for (String state : notPending) {
      TestDatabase.insertBatches(tenant.universeId(), "SF", state, 1);
    }

    Reply job = Jobs.awaitEnd(tenant, "SF", accepted(tenant.cancel("SF")));

    assertEquals("4", job.element("canceledCount"), "canceled count");
    Map<String, Integer> sf = TestDatabase.countByState(tenant.universeId(), "SF");
    assertEquals(5, sf.get("CANCELED"), "canceled in the pair, with the one seeded CANCELED");
    for (String state : notPending) {
      if (!state.equals("CANCELED")) {
        assertEquals(1, sf.get(state), state + " batch of the pair untouched");
      }
    }
    assertEquals(
        Map.of("PARSED", 2, "ENRICHED", 2),
        TestDatabase.countByState(tenant.universeId(), "NS"),
        "other source of the universe untouched");
    assertEquals(
        Map.of("PARSED", 2, "ENRICHED", 2),
        TestDatabase.countByState(other.universeId(), "SF"),
        "same source of another universe untouched");
  }

  private static String accepted(Reply reply) {
    assertEquals(202, reply.status(), "cancel status: " + reply.body());
    return reply.element("id");
  }
}
