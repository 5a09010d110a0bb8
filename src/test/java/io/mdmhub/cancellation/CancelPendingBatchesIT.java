package io.mdmhub.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every response of the Cancel Pending Batches contract, over HTTP against the server. */
class CancelPendingBatchesIT {

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void acceptedCancelsPendingAndLinksJob() throws Exception {
    List<Long> enriched = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 3);
    List<Long> parsed = TestDatabase.insertBatches(tenant.universeId(), "SF", "PARSED", 2);

    Reply reply = tenant.cancel("SF");

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/xml"), "content type of the 202");
    String location = reply.header("Location");
    assertNotNull(location, "Location header");
    String jobId = reply.element("id");
    assertTrue(
        location.endsWith(tenant.cancelPath("SF") + "/" + jobId),
        "Location names the job resource: " + location);
    assertTrue(
        jobId.matches(tenant.universeId() + ":[^:]+:[0-9a-f-]{36}"),
        "job id has the form universe:node:uuid: " + jobId);
    assertEquals("RUNNING", reply.element("state"), "state in the 202 body");

    Reply job = Jobs.awaitEnd(tenant, "SF", jobId);
    assertEquals(200, job.status(), "job resource status");
    assertEquals("COMPLETED", job.element("state"), "job state");
    assertEquals("5", job.element("canceledCount"), "canceled count");
    assertEquals("0", job.element("pendingRemaining"), "pending left");
    assertEquals(tenant.accountId(), job.element("requestedBy"), "requested by");
    assertEquals("BASIC", job.element("authScheme"), "auth scheme");
    assertTrue(job.element("endedAt").endsWith("Z"), "end time in UTC: " + job.element("endedAt"));
    assertEquals(
        Map.of("CANCELED", 5), TestDatabase.countByState(tenant.universeId(), "SF"), "states");
    for (Long id : enriched) {
      assertEquals(
          jobId,
          TestDatabase.row("SELECT canceled_by_job FROM batch WHERE id = ?", id)
              .get("canceled_by_job"),
          "batch " + id + " names the job that canceled it");
    }
    assertEquals(2, parsed.size(), "seeded parsed batches");
  }

  @Test
  void acceptedAnswersBeforeJobEnds() {
    Instant before = Instant.now();
    Reply reply = tenant.cancel("NS");
    Duration took = Duration.between(before, Instant.now());

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertTrue(took.toSeconds() < 10, "the 202 came back in " + took);
  }

  @Test
  void blankUniverseIsBadRequest() {
    Reply reply =
        HubClient.send(
            "POST",
            "/mdm/universes/%20%20/sources/SF/cancelPendingBatches",
            tenant.auth(),
            null,
            null);

    XmlAssert.error(reply, 400, "The given universe id is blank.");
  }

  @Test
  void noBreakSpaceUniverseIsBlank() {
    Reply reply =
        HubClient.send(
            "POST",
            "/mdm/universes/%C2%A0/sources/SF/cancelPendingBatches",
            tenant.auth(),
            null,
            null);

    XmlAssert.error(reply, 400, "The given universe id is blank.");
  }

  @Test
  void blankSourceIsBadRequest() {
    Reply reply = HubClient.send("POST", tenant.cancelPath("%20"), tenant.auth(), null, null);

    XmlAssert.error(reply, 400, "The given source id is blank.");
  }

  @Test
  void invalidUniverseIsShortNotFound() {
    String id = "7g90ce9d-3e46-4e42-bf9d-b7ca67a19a93";
    Reply reply =
        HubClient.send(
            "POST",
            "/mdm/universes/" + id + "/sources/SF/cancelPendingBatches",
            tenant.auth(),
            null,
            null);

    XmlAssert.error(reply, 404, "A universe with id '" + id + "' does not exist.");
  }

  @Test
  void unknownUniverseIsTwoMessageNotFound() {
    String id = UUID.randomUUID().toString();
    Reply reply =
        HubClient.send(
            "POST",
            "/mdm/universes/" + id + "/sources/SF/cancelPendingBatches",
            tenant.auth(),
            null,
            null);

    XmlAssert.error(
        reply,
        404,
        "A universe with id '" + id + "' does not exist.",
        "Universe definition with id '"
            + id
            + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
            + id
            + "'.");
  }

  @Test
  void otherAccountsUniverseLooksUnknown() throws Exception {
    Tenant other = HubClient.newTenant();
    TestDatabase.insertBatches(other.universeId(), "SF", "ENRICHED", 2);

    Reply reply = HubClient.send("POST", other.cancelPath("SF"), tenant.auth(), null, null);

    XmlAssert.error(
        reply,
        404,
        "A universe with id '" + other.universeId() + "' does not exist.",
        "Universe definition with id '"
            + other.universeId()
            + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
            + other.universeId()
            + "'.");
    assertEquals(
        Map.of("ENRICHED", 2),
        TestDatabase.countByState(other.universeId(), "SF"),
        "the other account's batches are untouched");
  }

  @Test
  void unknownSourceIsNotFound() {
    Reply reply = tenant.cancel("XX");

    XmlAssert.error(
        reply,
        404,
        "Source with code 'XX' does not exist under universe '" + tenant.universeId() + "'.");
  }

  @Test
  void runningJobGivesConflict() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 3);
    try (RowLock lock = RowLock.on(ids.get(0))) {
      Reply first = tenant.cancel("SF");
      assertEquals(202, first.status(), "first request: " + first.body());
      String jobId = first.element("id");

      Reply second = tenant.cancel("SF");

      XmlAssert.error(second, 409, "Batch cancellation job " + jobId + " is already in progress");
    }
    Reply job = Jobs.awaitEnd(tenant, "SF", Jobs.latestJobId(tenant, "SF"));
    assertEquals("COMPLETED", job.element("state"), "job state after the lock is released");
    assertEquals("3", job.element("canceledCount"), "canceled count");
  }

  @Test
  void missingCredentialsGetHtmlPage() {
    Reply reply = HubClient.send("POST", tenant.cancelPath("SF"), null, null, null);

    XmlAssert.unauthorized(reply, tenant.cancelPath("SF"));
  }

  @Test
  void otherMethodsAreNotAllowed() {
    for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      Reply reply = HubClient.send(method, tenant.cancelPath("SF"), tenant.auth(), null, null);

      assertEquals(405, reply.status(), method + " status");
      assertEquals("POST", reply.header("Allow"), method + " Allow header");
      assertTrue(
          reply.header("Content-Type").startsWith("application/xml"), method + " content type");
      XmlAssert.wellFormed(reply.body());
    }
  }

  @Test
  void requestBodyIsIgnored() throws Exception {
    TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 1);
    String[][] bodies = {
      {"application/json", "{\"cancel\": false}"},
      {"text/plain", "anything"},
      {"application/octet-stream", "\u0000\u0001binary"},
      {"application/xml", "<not-closed"},
    };
    for (String[] body : bodies) {
      Reply reply =
          HubClient.send("POST", tenant.cancelPath("SF"), tenant.auth(), body[0], body[1]);

      assertEquals(202, reply.status(), body[0] + " body: " + reply.body());
      Jobs.awaitEnd(tenant, "SF", reply.element("id"));
    }
    assertEquals(
        Map.of("CANCELED", 1), TestDatabase.countByState(tenant.universeId(), "SF"), "states");
  }

  @Test
  void oddUniverseIdsNeverFail() {
    String[] ids = {
      "%20%20%20", "a%2Fb", "x".repeat(4000), "%3Cb%3E%26x", "%22%27", "..", "%E2%82%AC"
    };
    for (String id : ids) {
      Reply reply =
          HubClient.send(
              "POST",
              "/mdm/universes/" + id + "/sources/SF/cancelPendingBatches",
              tenant.auth(),
              null,
              null);

      assertTrue(
          reply.status() == 400 || reply.status() == 404,
          "status for " + id.substring(0, Math.min(20, id.length())) + ": " + reply.status());
      assertTrue(
          reply.header("Content-Type").startsWith("application/xml"),
          "content type for " + id.substring(0, Math.min(20, id.length())));
      XmlAssert.wellFormed(reply.body());
    }
  }

  @Test
  void jobOfAnotherPairIsNotFound() throws Exception {
    Reply accepted = tenant.cancel("SF");
    String jobId = accepted.element("id");
    Jobs.awaitEnd(tenant, "SF", jobId);

    Reply reply =
        HubClient.send("GET", tenant.cancelPath("NS") + "/" + jobId, tenant.auth(), null, null);

    XmlAssert.error(reply, 404, "A batch cancellation job with id '" + jobId + "' does not exist.");
  }
}
