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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incorporation over HTTP: batch states, record counts, per-source order, pause and resume. */
class IncorporationIT {

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void exampleBatchCompletesWithErrors() throws Exception {
    tenant.setIncorporation("SF", "running");

    long batchId =
        stage(
            "<batch src=\"SF\">"
                + contact("UPSERT", "c1", "Ada")
                + contact("CREATE", "c2", "Ben")
                + contact("DELETE", "c3", null)
                + "</batch>");

    Map<String, Object> batch = BatchStates.awaitFinal(batchId);
    assertEquals("COMPLETED_ERRORS", batch.get("state"), "state, message: " + batch.get("message"));
    assertEquals(2, count(batch, "created_count"), "created records");
    assertEquals(0, count(batch, "updated_count"), "updated records");
    assertEquals(0, count(batch, "deleted_count"), "deleted records");
    assertEquals(1, count(batch, "errored_count"), "rejected entities");
    assertTrue(
        ((String) batch.get("message")).contains("Entity 3 (id 'c3', op DELETE)"),
        "message names the rejected entity: " + batch.get("message"));
    assertNotNull(batch.get("process_started_at"), "processing start");
    assertNotNull(batch.get("ended_at"), "end time");

    Reply status = tenant.status(batchId);
    assertEquals(200, status.status(), "status read: " + status.body());
    assertEquals("COMPLETED_ERRORS", status.element("state"), "state in the status");
    assertEquals("2", status.element("createdCount"), "created count in the status");
    assertEquals("0", status.element("updatedCount"), "updated count in the status");
    assertEquals("0", status.element("deletedCount"), "deleted count in the status");
    assertEquals("1", status.element("erroredCount"), "errored count in the status");
    assertNotNull(status.element("endedAt"), "end time in the status");

    assertEquals(Set.of("c1", "c2"), Set.copyOf(recordIds("SF")), "stored records");
    assertTrue(content("SF", "c1").contains("<name>Ada</name>"), "content of c1");
  }

  @Test
  void secondBatchUpdatesDeletesAndRejects() throws Exception {
    tenant.setIncorporation("SF", "running");
    long first =
        stage(
            "<batch src=\"SF\">"
                + contact("UPSERT", "c1", "Ada")
                + contact(null, "c2", "Ben")
                + "</batch>");
    assertEquals("COMPLETED", BatchStates.awaitFinal(first).get("state"), "first batch");

    long second =
        stage(
            "<batch src=\"SF\">"
                + contact("UPSERT", "c1", "Ada Lovelace")
                + contact("DELETE", "c2", null)
                + contact("CREATE", "c1", "Again")
                + contact("CREATE", "c4", "Dee")
                + "</batch>");

    Map<String, Object> batch = BatchStates.awaitFinal(second);
    assertEquals("COMPLETED_ERRORS", batch.get("state"), "state, message: " + batch.get("message"));
    assertEquals(1, count(batch, "created_count"), "created: c4");
    assertEquals(1, count(batch, "updated_count"), "updated: c1");
    assertEquals(1, count(batch, "deleted_count"), "deleted: c2");
    assertEquals(1, count(batch, "errored_count"), "rejected: CREATE of the current c1");
    assertTrue(
        ((String) batch.get("message")).contains("Entity 3 (id 'c1', op CREATE)"),
        "message names the CREATE: " + batch.get("message"));
    assertTrue(content("SF", "c1").contains("<name>Ada Lovelace</name>"), "c1 updated");
    assertNotNull(record("SF", "c2").get("end_dated_at"), "c2 end-dated");
    assertNull(record("SF", "c1").get("end_dated_at"), "c1 stays current");
    assertEquals(second, ((Number) record("SF", "c2").get("batch_id")).longValue(), "c2 batch");
  }

  @Test
  void everyEntityRejectedEndsErrored() throws Exception {
    tenant.setIncorporation("SF", "running");
    long first = stage("<batch src=\"SF\">" + contact("CREATE", "c1", "Ada") + "</batch>");
    assertEquals("COMPLETED", BatchStates.awaitFinal(first).get("state"), "first batch");

    long second = stage("<batch src=\"SF\">" + contact("CREATE", "c1", "Other") + "</batch>");

    Map<String, Object> batch = BatchStates.awaitFinal(second);
    assertEquals("ERRORED", batch.get("state"), "state");
    assertEquals(1, count(batch, "errored_count"), "rejected entities");
    assertEquals(0, count(batch, "created_count"), "created records");
    assertTrue(content("SF", "c1").contains("<name>Ada</name>"), "c1 unchanged");
  }

  @Test
  void parseFailureSkipsIncorporation() throws Exception {
    tenant.setIncorporation("SF", "running");

    long broken = stage("<batch src=\"SF\"><contact><name>no id</name></contact></batch>");
    long good = stage("<batch src=\"SF\">" + contact("UPSERT", "c1", "Ada") + "</batch>");

    Map<String, Object> failed = BatchStates.awaitFinal(broken);
    assertEquals("ERRORED", failed.get("state"), "state of the broken batch");
    assertTrue(
        ((String) failed.get("message")).contains("no id"),
        "parse message kept: " + failed.get("message"));
    assertNull(failed.get("process_started_at"), "never incorporated");
    assertNull(failed.get("created_count"), "no record counts");
    Reply status = tenant.status(broken);
    assertNull(status.element("createdCount"), "no counts in the status: " + status.body());
    assertEquals(
        "COMPLETED",
        BatchStates.awaitFinal(good).get("state"),
        "a later batch of the source is not blocked");
  }

  @Test
  void batchStatesFollowTheStateMachine() throws Exception {
    long batchId = stage("<batch src=\"SF\">" + contact("UPSERT", "c1", "Ada") + "</batch>");

    Map<String, Object> enriched = BatchStates.await(batchId, Set.of("ENRICHED"));
    assertNotNull(enriched.get("parse_started_at"), "parse start");
    assertNotNull(enriched.get("parse_ended_at"), "parse end");
    assertNotNull(enriched.get("enrich_ended_at"), "enrichment end");
    assertNull(enriched.get("process_started_at"), "not incorporated while paused");
    Thread.sleep(500);
    assertEquals("ENRICHED", BatchStates.state(batchId), "still waiting while paused");

    tenant.setIncorporation("SF", "running");

    Map<String, Object> completed = BatchStates.awaitFinal(batchId);
    assertEquals("COMPLETED", completed.get("state"), "state after resume");
    Timestamp enrichEnd = (Timestamp) completed.get("enrich_ended_at");
    Timestamp processStart = (Timestamp) completed.get("process_started_at");
    Timestamp end = (Timestamp) completed.get("ended_at");
    assertTrue(!processStart.before(enrichEnd), "processing starts after enrichment");
    assertTrue(!end.before(processStart), "ends after processing started");
    assertEquals(List.of("c1"), recordIds("SF"), "stored records");
  }

  @Test
  void sourcesKeepOrderWhenInterleaved() throws Exception {
    tenant.setIncorporation("SF", "running");
    tenant.setIncorporation("NS", "running");
    Map<String, List<Long>> staged = Map.of("SF", new ArrayList<>(), "NS", new ArrayList<>());

    for (int i = 1; i <= 12; i++) {
      String source = i % 3 == 0 ? "NS" : "SF";
      String body =
          "<batch src=\"" + source + "\">" + contact("UPSERT", "shared", "v" + i) + "</batch>";
      staged.get(source).add(stage(body));
    }

    for (String source : List.of("SF", "NS")) {
      List<Long> ids = staged.get(source);
      Timestamp previousEnd = null;
      for (long id : ids) {
        Map<String, Object> batch = BatchStates.awaitFinal(id);
        assertEquals("COMPLETED", batch.get("state"), source + " batch " + id);
        Timestamp start = (Timestamp) batch.get("process_started_at");
        if (previousEnd != null) {
          assertTrue(
              !start.before(previousEnd),
              source + " batch " + id + " started before the previous batch ended");
        }
        previousEnd = (Timestamp) batch.get("ended_at");
      }
      long last = ids.get(ids.size() - 1);
      assertEquals(
          last,
          ((Number) record(source, "shared").get("batch_id")).longValue(),
          source + " record was last changed by its newest batch");
    }
    assertTrue(content("SF", "shared").contains("<name>v11</name>"), "SF keeps its last value");
    assertTrue(content("NS", "shared").contains("<name>v12</name>"), "NS keeps its last value");
  }

  @Test
  void pausedSourceWaitsOthersRun() throws Exception {
    tenant.setIncorporation("NS", "running");

    long paused = stage("<batch src=\"SF\">" + contact("UPSERT", "c1", "Ada") + "</batch>");
    long running = stage("<batch src=\"NS\">" + contact("UPSERT", "c1", "Ada") + "</batch>");

    assertEquals("COMPLETED", BatchStates.awaitFinal(running).get("state"), "NS batch");
    BatchStates.await(paused, Set.of("ENRICHED"));
    Thread.sleep(500);
    assertEquals("ENRICHED", BatchStates.state(paused), "SF batch waits while paused");
    assertEquals(List.of(), recordIds("SF"), "no SF records while paused");
  }

  @Test
  void canceledBatchesAreNeverIncorporated() throws Exception {
    List<Long> waiting = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      waiting.add(stage("<batch src=\"SF\">" + contact("UPSERT", "old" + i, "x") + "</batch>"));
    }
    for (long id : waiting) {
      BatchStates.await(id, Set.of("ENRICHED"));
    }

    Reply cancel = tenant.cancel("SF");
    assertEquals(202, cancel.status(), "cancel: " + cancel.body());
    Reply job =
        CancellationJobs.awaitEnd(new URI(cancel.header("Location")).getRawPath(), tenant.auth());
    assertEquals("3", job.element("canceledCount"), "canceled count: " + job.body());
    long later = stage("<batch src=\"SF\">" + contact("UPSERT", "new", "y") + "</batch>");
    BatchStates.await(later, Set.of("ENRICHED"));
    tenant.setIncorporation("SF", "running");

    assertEquals("COMPLETED", BatchStates.awaitFinal(later).get("state"), "batch after cancel");
    for (long id : waiting) {
      Map<String, Object> batch = BatchStates.awaitFinal(id);
      assertEquals("CANCELED", batch.get("state"), "canceled batch " + id);
      assertNull(batch.get("process_started_at"), "batch " + id + " never processed");
      assertNull(batch.get("created_count"), "batch " + id + " has no record counts");
    }
    assertEquals(List.of("new"), recordIds("SF"), "records only from the completed batch");
  }

  private long stage(String body) {
    Reply reply = tenant.stage(body);
    assertEquals(202, reply.status(), "staging: " + reply.body());
    return BatchStates.idOf(reply.body());
  }

  static String contact(String op, String id, String name) {
    String open = op == null ? "<contact>" : "<contact op=\"" + op + "\">";
    return open
        + "<id>"
        + id
        + "</id>"
        + (name == null ? "" : "<name>" + name + "</name>")
        + "</contact>";
  }

  private static int count(Map<String, Object> batch, String column) {
    Object value = batch.get(column);
    assertNotNull(value, column + " is set");
    return ((Number) value).intValue();
  }

  private List<Object> recordIds(String source) throws Exception {
    return TestDatabase.column(
        "SELECT entity_id FROM source_record WHERE universe_id = ? AND source_code = '"
            + source
            + "' AND end_dated_at IS NULL ORDER BY entity_id",
        tenant.universeId());
  }

  private Map<String, Object> record(String source, String entityId) throws Exception {
    Map<String, Object> row =
        TestDatabase.row(
            "SELECT * FROM source_record WHERE universe_id = ? AND source_code = '"
                + source
                + "' AND entity_id = '"
                + entityId
                + "'",
            tenant.universeId());
    assertNotNull(row, "record " + source + "/" + entityId + " exists");
    return row;
  }

  private String content(String source, String entityId) throws Exception {
    return (String) record(source, entityId).get("content");
  }
}
