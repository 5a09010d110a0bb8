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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order in which a JWT request's checks fail: 401 (credentials), then 403 (privilege), then 400
 * (blank or missing identifiers), then 404 (unknown repository, universe or source), then 409 (a
 * cancellation job in progress). Most tests send a request that fails two or more checks and expect
 * the earliest one.
 */
class CheckOrderIT {

  private static final String FORBIDDEN = "You do not have permissions to access this resource.";
  private static final String REPOSITORY_REQUIRED = "The repository id is required.";
  private static final String REPOSITORY_BLANK = "The given repository id is blank.";

  private Tenant tenant;
  private String manager;
  private String reporter;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
    manager = Tokens.bearer("manager", tenant.accountId(), Tokens.BATCH_MANAGEMENT);
    reporter = Tokens.bearer("reporter", tenant.accountId(), Tokens.ACTIVITY_REPORTING);
  }

  @Test
  void noCredentialsPrecedeNotFound() throws Exception {
    String unknownUniverse =
        "/mdm/universes/" + UUID.randomUUID() + "/sources/SF/cancelPendingBatches";
    String blankUniverse = "/mdm/universes/%20/sources/SF/cancelPendingBatches";

    Reply unknown = HubClient.send("POST", unknownUniverse, null, null, null);
    Reply blank = HubClient.send("POST", blankUniverse + "?repositoryId=%20", null, null, null);

    XmlAssert.unauthorized(unknown, unknownUniverse);
    XmlAssert.unauthorized(blank, blankUniverse);
  }

  @Test
  void expiredTokenPrecedesForbidden() throws Exception {
    Instant now = Instant.now();
    String expiredReporter =
        Tokens.rs256("reporter", tenant.accountId(), Tokens.ACTIVITY_REPORTING)
            .issuedAt(now.minusSeconds(330))
            .expiresAt(now.minusSeconds(30))
            .bearer();

    Reply reply = HubClient.send("POST", tenant.cancelPath("SF"), expiredReporter, null, null);

    XmlAssert.unauthorized(reply, tenant.cancelPath("SF"));
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void forbiddenPrecedesBadRequest() throws Exception {
    Tenant other = HubClient.newTenant();
    String[] paths = {
      tenant.cancelPath("SF"),
      tenant.cancelPath("SF") + "?repositoryId=%20",
      "/mdm/universes/%20/sources/SF/cancelPendingBatches",
      tenant.cancelPath("%20"),
      other.cancelPath("SF") + "?repositoryId=" + other.repositoryId(),
    };

    for (String path : paths) {
      Reply reply = HubClient.send("POST", path, reporter, null, null);

      assertEquals(403, reply.status(), "read-only token on " + path + ": " + reply.body());
      XmlAssert.error(reply, 403, FORBIDDEN);
    }
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    assertEquals(0, CancellationJobs.count(other.universeId()), "jobs of the other tenant");
  }

  @Test
  void missingRepositoryIsBadRequest() throws Exception {
    Reply cancel = HubClient.send("POST", tenant.cancelPath("SF"), manager, null, null);
    Reply stage =
        HubClient.send(
            "POST",
            tenant.recordsPath(),
            manager,
            "application/xml",
            "<batch src=\"SF\"><contact><id>c1</id></contact></batch>");
    Reply read =
        HubClient.send("GET", tenant.cancelPath("SF") + "/no-such-job", reporter, null, null);

    XmlAssert.error(cancel, 400, REPOSITORY_REQUIRED);
    XmlAssert.error(stage, 400, REPOSITORY_REQUIRED);
    XmlAssert.error(read, 400, REPOSITORY_REQUIRED);
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    assertEquals(0, batchCount(tenant.universeId()), "batches stored");
  }

  @Test
  void blankRepositoryIsBadRequest() throws Exception {
    for (String blank : List.of("%20", "%20%20", "")) {
      String path = tenant.cancelPath("SF") + "?repositoryId=" + blank;

      Reply reply = HubClient.send("POST", path, manager, null, null);

      XmlAssert.error(reply, 400, REPOSITORY_BLANK);
    }
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void blankUniverseReportedBeforeRepository() {
    String path = "/mdm/universes/%20/sources/SF/cancelPendingBatches";

    Reply missing = HubClient.send("POST", path, manager, null, null);
    Reply blank = HubClient.send("POST", path + "?repositoryId=%20", manager, null, null);

    XmlAssert.error(missing, 400, "The given universe id is blank.");
    XmlAssert.error(blank, 400, "The given universe id is blank.");
  }

  @Test
  void blankSourceReportedBeforeRepository() {
    Reply reply = HubClient.send("POST", tenant.cancelPath("%20"), manager, null, null);

    XmlAssert.error(reply, 400, "The given source id is blank.");
  }

  @Test
  void badRequestPrecedesNotFound() {
    Tenant other = HubClient.newTenant();
    String unknownUniverse = "/mdm/universes/" + UUID.randomUUID() + "/sources/SF";

    Reply missing =
        HubClient.send("POST", unknownUniverse + "/cancelPendingBatches", manager, null, null);
    Reply blank =
        HubClient.send("POST", other.cancelPath("SF") + "?repositoryId=%20", manager, null, null);

    XmlAssert.error(missing, 400, REPOSITORY_REQUIRED);
    XmlAssert.error(blank, 400, REPOSITORY_BLANK);
  }

  @Test
  void foreignRepositoryIsNotFound() throws Exception {
    Tenant other = HubClient.newTenant();
    List<String> repositoryIds =
        List.of(
            other.repositoryId(),
            UUID.randomUUID().toString(),
            tenant.repositoryId().toUpperCase(),
            "not-a-repository");

    for (String repositoryId : repositoryIds) {
      String path = tenant.cancelPath("SF") + "?repositoryId=" + repositoryId;

      Reply reply = HubClient.send("POST", path, manager, null, null);

      XmlAssert.error(reply, 404, "A repository with id '" + repositoryId + "' does not exist.");
    }
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    assertEquals(0, CancellationJobs.count(other.universeId()), "jobs of the other tenant");
  }

  @Test
  void foreignRepositoryPrecedesUniverse() {
    Tenant other = HubClient.newTenant();
    String path = other.cancelPath("NOPE") + "?repositoryId=" + other.repositoryId();

    Reply reply = HubClient.send("POST", path, manager, null, null);

    XmlAssert.error(
        reply, 404, "A repository with id '" + other.repositoryId() + "' does not exist.");
  }

  @Test
  void foreignUniverseIsTwoMessageNotFound() throws Exception {
    Tenant other = HubClient.newTenant();
    String id = other.universeId();
    String path = other.cancelPath("SF") + "?repositoryId=" + tenant.repositoryId();

    Reply reply = HubClient.send("POST", path, manager, null, null);

    XmlAssert.error(
        reply,
        404,
        "A universe with id '" + id + "' does not exist.",
        "Universe definition with id '"
            + id
            + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
            + id
            + "'.");
    assertEquals(0, CancellationJobs.count(id), "jobs of the other tenant");
  }

  @Test
  void unknownSourceIsNotFound() {
    String path = tenant.cancelPath("XX") + "?repositoryId=" + tenant.repositoryId();

    Reply reply = HubClient.send("POST", path, manager, null, null);

    XmlAssert.error(
        reply,
        404,
        "Source with code 'XX' does not exist under universe '" + tenant.universeId() + "'.");
  }

  @Test
  void runningJobIsConflictLast() throws Exception {
    Tenant other = HubClient.newTenant();
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 1);
    String query = "?repositoryId=" + tenant.repositoryId();
    String path = tenant.cancelPath("SF");
    String jobId;

    try (BatchRowLock lock = BatchRowLock.on(ids.get(0))) {
      Reply first = HubClient.send("POST", path + query, manager, null, null);
      assertEquals(202, first.status(), "first request: " + first.body());
      jobId = first.element("id");
      assertNotNull(jobId, "job id of the first request");

      Reply conflict = HubClient.send("POST", path + query, manager, null, null);
      Reply noCredentials = HubClient.send("POST", path + query, null, null, null);
      Reply readOnly = HubClient.send("POST", path + query, reporter, null, null);
      Reply missingRepository = HubClient.send("POST", path, manager, null, null);
      Reply blankRepository =
          HubClient.send("POST", path + "?repositoryId=%20", manager, null, null);
      Reply foreignRepository =
          HubClient.send(
              "POST", path + "?repositoryId=" + other.repositoryId(), manager, null, null);
      Reply running = HubClient.send("GET", path + "/" + jobId + query, reporter, null, null);

      XmlAssert.error(conflict, 409, "Batch cancellation job " + jobId + " is already in progress");
      XmlAssert.unauthorized(noCredentials, path);
      XmlAssert.error(readOnly, 403, FORBIDDEN);
      XmlAssert.error(missingRepository, 400, REPOSITORY_REQUIRED);
      XmlAssert.error(blankRepository, 400, REPOSITORY_BLANK);
      XmlAssert.error(
          foreignRepository,
          404,
          "A repository with id '" + other.repositoryId() + "' does not exist.");
      assertEquals(200, running.status(), "job read while running: " + running.body());
      assertEquals("RUNNING", running.element("state"), "job state while the row is locked");
    }

    Reply job = CancellationJobs.awaitEnd(path + "/" + jobId + query, manager);
    assertEquals("COMPLETED", job.element("state"), "job state after the lock");
    assertEquals("1", job.element("canceledCount"), "canceled count");
    assertEquals(1, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    assertEquals(
        Map.of("CANCELED", 1),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "batch states after the job");
  }

  private static long batchCount(String universeId) throws Exception {
    Object count =
        TestDatabase.column("SELECT COUNT(*) FROM batch WHERE universe_id = ?", universeId).get(0);
    return ((Number) count).longValue();
  }
}
