package io.mdmhub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mdmhub.support.CancellationJobs;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which caller may run which protected operation: each caller, Basic or JWT, against cancel, job
 * read and staging, with the status, body and database state of every cell. Basic callers have
 * every privilege, and a JWT caller has exactly the privilege names in its {@code groups} array.
 */
class SecurityMatrixIT {

  private static final String FORBIDDEN_MESSAGE =
      "You do not have permissions to access this resource.";
  private static final String BATCH = "<batch src=\"SF\"><contact><id>c1</id></contact></batch>";
  private static final String JWT_SUBJECT = "matrix-user";

  /** The protected operations under test. */
  enum Operation {
    CANCEL,
    READ_JOB,
    STAGE
  }

  /**
   * A kind of caller: how it builds its {@code Authorization} header for a tenant (null for none),
   * whether it sends {@code repositoryId}, and the scheme a job records for it.
   */
  record Caller(
      String name,
      Function<Tenant, String> authorization,
      boolean sendsRepositoryId,
      String recordedScheme) {}

  /** One cell of the matrix: a caller, an operation and the status it must get. */
  record Case(Caller caller, Operation operation, int status) {
    @Override
    public String toString() {
      return caller.name() + ", " + operation + " -> " + status;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();

    // Callers with the privilege an operation needs.
    row(cases, new Caller("Basic", Tenant::auth, false, "BASIC"), 202, 200, 202);
    row(cases, new Caller("Basic with repositoryId", Tenant::auth, true, "BASIC"), 202, 200, 202);
    row(cases, jwt("JWT Batch Management", groups(Tokens.BATCH_MANAGEMENT)), 202, 200, 202);
    row(
        cases,
        jwt("JWT both privileges", groups(Tokens.ACTIVITY_REPORTING, Tokens.BATCH_MANAGEMENT)),
        202,
        200,
        202);

    // JWT callers whose groups claim does not name the privilege exactly.
    row(cases, jwt("JWT Activity Reporting", groups(Tokens.ACTIVITY_REPORTING)), 403, 200, 403);
    row(cases, jwt("JWT unrelated group", groups("Everyone")), 403, 403, 403);
    row(cases, jwt("JWT groups missing", token -> token.without("groups")), 403, 403, 403);
    row(cases, jwt("JWT groups empty array", groups()), 403, 403, 403);
    row(
        cases,
        jwt("JWT groups plain string", token -> token.claim("groups", Tokens.BATCH_MANAGEMENT)),
        403,
        403,
        403);
    row(
        cases,
        jwt(
            "JWT groups mixed array",
            token -> token.claim("groups", List.of(42, Tokens.BATCH_MANAGEMENT))),
        403,
        403,
        403);
    row(
        cases,
        jwt(
            "JWT groups object",
            token -> token.claim("groups", Map.of("name", Tokens.BATCH_MANAGEMENT))),
        403,
        403,
        403);
    row(cases, jwt("JWT lower-case privilege", groups("mdm - batch management")), 403, 403, 403);
    row(cases, jwt("JWT lower-case reporting", groups("mdm - activity reporting")), 403, 403, 403);
    row(cases, jwt("JWT trailing space", groups("MDM - Batch Management ")), 403, 403, 403);
    row(cases, jwt("JWT leading space", groups(" MDM - Batch Management")), 403, 403, 403);

    // Callers that fail authentication, whatever their privileges.
    row(cases, new Caller("no credentials", tenant -> null, true, null), 401, 401, 401);
    row(
        cases,
        new Caller(
            "wrong Basic token",
            tenant -> HubClient.basic(tenant.accountId(), tenant.token() + "x"),
            false,
            null),
        401,
        401,
        401);
    row(
        cases,
        jwt(
            "expired JWT",
            token ->
                token
                    .claim("groups", List.of(Tokens.BATCH_MANAGEMENT))
                    .issuedAt(Instant.now().minusSeconds(330))
                    .expiresAt(Instant.now().minusSeconds(30))),
        401,
        401,
        401);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void callerGetsExpectedAnswer(Case cell) throws Exception {
    Tenant tenant = HubClient.newTenant();
    switch (cell.operation()) {
      case CANCEL -> checkCancel(cell, tenant);
      case READ_JOB -> checkJobRead(cell, tenant);
      case STAGE -> checkStaging(cell, tenant);
      default -> fail("No check for " + cell.operation());
    }
  }

  private static void checkCancel(Case cell, Tenant tenant) throws Exception {
    String path = tenant.cancelPath("SF");
    Reply reply =
        HubClient.send("POST", path + query(cell, tenant), authorization(cell, tenant), null, null);

    assertEquals(cell.status(), reply.status(), cell + ": " + reply.body());
    if (cell.status() == 202) {
      assertXml(reply);
      String jobId = reply.element("id");
      assertNotNull(jobId, "job id in " + reply.body());
      String requester = requester(cell, tenant);
      assertEquals(requester, reply.element("requestedBy"), "requestedBy in the 202 body");
      assertEquals(
          cell.caller().recordedScheme(), reply.element("authScheme"), "authScheme in the body");
      Map<String, Object> job = CancellationJobs.row(jobId);
      assertNotNull(job, "job row " + jobId);
      assertEquals(requester, job.get("requested_by"), "requested_by column");
      assertEquals(cell.caller().recordedScheme(), job.get("auth_scheme"), "auth_scheme column");
      assertEquals(1, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    } else {
      assertRejected(cell, reply, path);
      assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    }
  }

  private static void checkJobRead(Case cell, Tenant tenant) throws Exception {
    Reply seeded = tenant.cancel("SF");
    assertEquals(202, seeded.status(), "seeding job: " + seeded.body());
    String jobId = seeded.element("id");
    String path = tenant.cancelPath("SF") + "/" + jobId;
    Reply ended = CancellationJobs.awaitEnd(path, tenant.auth());
    assertEquals("COMPLETED", ended.element("state"), "seeded job state");

    Reply reply =
        HubClient.send("GET", path + query(cell, tenant), authorization(cell, tenant), null, null);

    assertEquals(cell.status(), reply.status(), cell + ": " + reply.body());
    if (cell.status() == 200) {
      assertXml(reply);
      assertEquals(jobId, reply.element("id"), "job id");
      assertEquals("COMPLETED", reply.element("state"), "job state");
      assertEquals(tenant.accountId(), reply.element("requestedBy"), "job requestedBy");
      assertEquals("BASIC", reply.element("authScheme"), "job authScheme");
    } else {
      assertRejected(cell, reply, path);
    }
    assertEquals(1, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  private static void checkStaging(Case cell, Tenant tenant) throws Exception {
    String path = tenant.recordsPath();
    Reply reply =
        HubClient.send(
            "POST",
            path + query(cell, tenant),
            authorization(cell, tenant),
            "application/xml",
            BATCH);

    assertEquals(cell.status(), reply.status(), cell + ": " + reply.body());
    if (cell.status() == 202) {
      assertTrue(
          reply.header("Content-Type").startsWith("text/plain"),
          "content type: " + reply.header("Content-Type"));
      String batchUrl = reply.body().trim();
      assertTrue(
          batchUrl.matches(".*" + path + "/updates/[0-9]+"), "body is the batch URL: " + batchUrl);
      long batchId = Long.parseLong(batchUrl.substring(batchUrl.lastIndexOf('/') + 1));
      Map<String, Object> batch = TestDatabase.row("SELECT * FROM batch WHERE id = ?", batchId);
      assertNotNull(batch, "batch row " + batchId);
      assertEquals(requester(cell, tenant), batch.get("created_by"), "created_by column");
      assertEquals(
          cell.caller().recordedScheme(), batch.get("created_by_type"), "created_by_type column");
      assertEquals(1, batchCount(tenant), "batches stored");
    } else {
      assertRejected(cell, reply, path);
      assertEquals(0, batchCount(tenant), "batches stored");
    }
  }

  private static void assertRejected(Case cell, Reply reply, String path) {
    if (cell.status() == 401) {
      XmlAssert.unauthorized(reply, path);
      return;
    }
    assertEquals(403, cell.status(), "the matrix expects 2xx, 401 or 403");
    XmlAssert.error(reply, 403, FORBIDDEN_MESSAGE);
    assertEquals(
        "<error requestId=\""
            + reply.header("X-Request-Id")
            + "\"><message>"
            + FORBIDDEN_MESSAGE
            + "</message></error>",
        reply.body(),
        "403 body");
    assertEquals(List.of(), reply.headerValues("WWW-Authenticate"), "challenges on a 403");
  }

  private static void assertXml(Reply reply) {
    assertTrue(
        reply.header("Content-Type").startsWith("application/xml"),
        "content type: " + reply.header("Content-Type"));
  }

  private static void row(List<Case> cases, Caller caller, int cancel, int readJob, int stage) {
    cases.add(new Case(caller, Operation.CANCEL, cancel));
    cases.add(new Case(caller, Operation.READ_JOB, readJob));
    cases.add(new Case(caller, Operation.STAGE, stage));
  }

  /** Returns a JWT caller whose token the customizer changes after the defaults are set. */
  private static Caller jwt(String name, Function<Tokens.Builder, Tokens.Builder> customizer) {
    return new Caller(
        name,
        tenant -> customizer.apply(Tokens.rs256(JWT_SUBJECT, tenant.accountId())).bearer(),
        true,
        "BEARER");
  }

  private static Function<Tokens.Builder, Tokens.Builder> groups(String... names) {
    return token -> token.claim("groups", List.of(names));
  }

  private static String authorization(Case cell, Tenant tenant) {
    return cell.caller().authorization().apply(tenant);
  }

  private static String query(Case cell, Tenant tenant) {
    return cell.caller().sendsRepositoryId() ? "?repositoryId=" + tenant.repositoryId() : "";
  }

  private static String requester(Case cell, Tenant tenant) {
    return "BEARER".equals(cell.caller().recordedScheme()) ? JWT_SUBJECT : tenant.accountId();
  }

  private static long batchCount(Tenant tenant) throws Exception {
    Object count =
        TestDatabase.column("SELECT COUNT(*) FROM batch WHERE universe_id = ?", tenant.universeId())
            .get(0);
    return ((Number) count).longValue();
  }
}
