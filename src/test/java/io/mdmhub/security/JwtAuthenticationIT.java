package io.mdmhub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.CancellationJobs;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bearer JWT authentication of hub operations: RS256 and ES256 tokens from the configured issuer
 * act as their {@code sub}, and every malformed, unsigned, foreign or expired token gets the 401
 * page, never a 403 or a 500.
 */
class JwtAuthenticationIT {

  private static final String BATCH = "<batch src=\"SF\"><contact><id>c1</id></contact></batch>";

  private Tenant tenant;
  private String cancelPath;
  private String recordsPath;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
    cancelPath = tenant.cancelPath("SF") + "?repositoryId=" + tenant.repositoryId();
    recordsPath = tenant.recordsPath() + "?repositoryId=" + tenant.repositoryId();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RS256", "ES256"})
  void validTokenCancelsAsSubject(String algorithm) throws Exception {
    TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 2);
    String authorization = token(algorithm, "alice", Tokens.BATCH_MANAGEMENT).bearer();

    Reply reply = HubClient.send("POST", cancelPath, authorization, null, null);

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/xml"),
        "content type: " + reply.header("Content-Type"));
    assertEquals(List.of(), reply.headerValues("WWW-Authenticate"), "challenges on a 202");
    String jobId = reply.element("id");
    assertNotNull(jobId, "job id in the 202 body: " + reply.body());
    assertEquals("alice", reply.element("requestedBy"), "requestedBy in the 202 body");
    assertEquals("BEARER", reply.element("authScheme"), "authScheme in the 202 body");
    String location = reply.header("Location");
    assertNotNull(location, "Location header");
    assertTrue(
        location.endsWith(
            tenant.cancelPath("SF") + "/" + jobId + "?repositoryId=" + tenant.repositoryId()),
        "Location names the job and keeps the repository: " + location);

    String jobPath =
        tenant.cancelPath("SF") + "/" + jobId + "?repositoryId=" + tenant.repositoryId();
    Reply job = CancellationJobs.awaitEnd(jobPath, authorization);

    assertEquals(200, job.status(), "job read status: " + job.body());
    assertEquals("COMPLETED", job.element("state"), "job state");
    assertEquals("alice", job.element("requestedBy"), "job requestedBy");
    assertEquals("BEARER", job.element("authScheme"), "job authScheme");
    assertEquals("2", job.element("canceledCount"), "canceled count");
    Map<String, Object> row = CancellationJobs.row(jobId);
    assertEquals("alice", row.get("requested_by"), "requested_by column");
    assertEquals("BEARER", row.get("auth_scheme"), "auth_scheme column");
    assertEquals(
        Map.of("CANCELED", 2),
        TestDatabase.countByState(tenant.universeId(), "SF"),
        "batch states after the job");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RS256", "ES256"})
  void validTokenStagesAsSubject(String algorithm) throws Exception {
    String authorization = token(algorithm, "carol", Tokens.BATCH_MANAGEMENT).bearer();

    Reply reply = HubClient.send("POST", recordsPath, authorization, "application/xml", BATCH);

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("text/plain"),
        "content type: " + reply.header("Content-Type"));
    String batchUrl = reply.body().trim();
    long batchId = Long.parseLong(batchUrl.substring(batchUrl.lastIndexOf('/') + 1));
    Map<String, Object> batch = TestDatabase.row("SELECT * FROM batch WHERE id = ?", batchId);
    assertNotNull(batch, "batch row " + batchId);
    assertEquals("carol", batch.get("created_by"), "created_by column");
    assertEquals("BEARER", batch.get("created_by_type"), "created_by_type column");
    assertEquals(tenant.universeId(), batch.get("universe_id"), "universe_id column");
  }

  @Test
  void badTokensGetHtmlPage() throws Exception {
    Instant now = Instant.now();
    String account = tenant.accountId();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "expired 30 s ago",
        rs256(account).issuedAt(now.minusSeconds(330)).expiresAt(now.minusSeconds(30)).bearer());
    headers.put("alg none", rs256(account).unsigned().bearer());
    headers.put("unknown RSA key under test-rsa", rs256(account).unknownKey().bearer());
    headers.put("unknown EC key under test-ec", es256(account).unknownKey().bearer());
    headers.put("unknown kid", rs256(account).header("kid", "not-a-known-key").bearer());
    headers.put("ES256 signature with alg RS256", es256(account).header("alg", "RS256").bearer());
    headers.put(
        "HS256 keyed with the RSA public key", rs256(account).hmacWithPublicKey("HS256").bearer());
    headers.put(
        "HMAC signature with alg RS256", rs256(account).hmacWithPublicKey("RS256").bearer());
    headers.put("wrong issuer", rs256(account).claim("iss", "someone-else").bearer());
    headers.put("no issuer", rs256(account).without("iss").bearer());
    headers.put("wrong audience", rs256(account).claim("aud", "another-service").bearer());
    headers.put("no audience", rs256(account).without("aud").bearer());
    headers.put(
        "issued 120 s ahead",
        rs256(account).issuedAt(now.plusSeconds(120)).expiresAt(now.plusSeconds(420)).bearer());
    headers.put(
        "not before 120 s ahead",
        rs256(account).claim("nbf", Tokens.numericDate(now.plusSeconds(120))).bearer());
    headers.put(
        "unknown critical header", rs256(account).header("crit", List.of("x-unknown")).bearer());
    headers.put("no exp", rs256(account).without("exp").bearer());
    headers.put("no iat", rs256(account).without("iat").bearer());
    headers.put("no sub", rs256(account).without("sub").bearer());
    headers.put("no account", rs256(account).without("account").bearer());
    headers.put("blank account", rs256(account).claim("account", " ").bearer());
    headers.put("numeric account", rs256(account).claim("account", 42).bearer());
    headers.put("tampered payload", tamperedPayload(account));
    headers.put("garbage", "Bearer this-is-not-a-jwt");
    headers.put("five parts", "Bearer a.b.c.d.e");
    headers.put("two parts", "Bearer " + withoutSignature(rs256(account).sign()));
    headers.put("scheme alone", "Bearer");

    for (Map.Entry<String, String> header : headers.entrySet()) {
      Reply cancel = HubClient.send("POST", cancelPath, header.getValue(), null, null);
      Reply stage =
          HubClient.send("POST", recordsPath, header.getValue(), "application/xml", BATCH);

      assertEquals(401, cancel.status(), header.getKey() + " on cancel: " + cancel.body());
      XmlAssert.unauthorized(cancel, tenant.cancelPath("SF"));
      assertEquals(401, stage.status(), header.getKey() + " on staging: " + stage.body());
      XmlAssert.unauthorized(stage, tenant.recordsPath());
    }
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
    assertEquals(0, batchCount(), "batches stored");
  }

  @Test
  void expiredWithinSkewIsAccepted() throws Exception {
    Instant now = Instant.now();
    String authorization =
        rs256(tenant.accountId())
            .issuedAt(now.minusSeconds(60))
            .expiresAt(now.minusSeconds(2))
            .bearer();

    Reply reply = HubClient.send("POST", cancelPath, authorization, null, null);

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertEquals("BEARER", reply.element("authScheme"), "authScheme in the 202 body");
    assertEquals(1, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void issuedWithinSkewIsAccepted() throws Exception {
    Instant now = Instant.now();
    String authorization = rs256(tenant.accountId()).issuedAt(now.plusSeconds(2)).bearer();

    Reply reply = HubClient.send("POST", cancelPath, authorization, null, null);

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertEquals(1, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void basicTokenAsBearerIsRejected() throws Exception {
    String authorization = "Bearer " + tenant.token();

    Reply cancel = HubClient.send("POST", cancelPath, authorization, null, null);
    Reply cancelWithoutRepository =
        HubClient.send("POST", tenant.cancelPath("SF"), authorization, null, null);

    XmlAssert.unauthorized(cancel, tenant.cancelPath("SF"));
    XmlAssert.unauthorized(cancelWithoutRepository, tenant.cancelPath("SF"));
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void basicCredentialsAsBearerAreRejected() throws Exception {
    String basic = tenant.auth();
    String authorization = "Bearer " + basic.substring("Basic ".length());

    Reply reply = HubClient.send("POST", cancelPath, authorization, null, null);

    XmlAssert.unauthorized(reply, tenant.cancelPath("SF"));
    assertEquals(0, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void schemeNameIgnoresCase() throws Exception {
    String authorization = "bearer " + rs256(tenant.accountId()).sign();

    Reply reply = HubClient.send("POST", cancelPath, authorization, null, null);

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertEquals(1, CancellationJobs.count(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void bearerOnAdminPathIsRejected() {
    String path = "/mdm/admin/accounts/" + tenant.accountId();
    String authorization =
        Tokens.rs256("root", tenant.accountId(), Tokens.BATCH_MANAGEMENT, "mdm-admin").bearer();

    Reply reply = HubClient.send("PUT", path, authorization, null, null);

    XmlAssert.unauthorized(reply, path);
  }

  private Tokens.Builder token(String algorithm, String subject, String... groups) {
    return switch (algorithm) {
      case "RS256" -> Tokens.rs256(subject, tenant.accountId(), groups);
      case "ES256" -> Tokens.es256(subject, tenant.accountId(), groups);
      default -> throw new IllegalArgumentException("No test key for " + algorithm);
    };
  }

  private static Tokens.Builder rs256(String accountId) {
    return Tokens.rs256("mallory", accountId, Tokens.BATCH_MANAGEMENT);
  }

  private static Tokens.Builder es256(String accountId) {
    return Tokens.es256("mallory", accountId, Tokens.BATCH_MANAGEMENT);
  }

  /** Returns a token whose payload came from another token, so its signature does not match. */
  private static String tamperedPayload(String accountId) {
    String[] signed = rs256(accountId).sign().split("\\.");
    String[] other = Tokens.rs256("root", accountId, Tokens.BATCH_MANAGEMENT).sign().split("\\.");
    return "Bearer " + signed[0] + "." + other[1] + "." + signed[2];
  }

  private static String withoutSignature(String token) {
    return token.substring(0, token.lastIndexOf('.'));
  }

  private long batchCount() throws Exception {
    Object count =
        TestDatabase.column("SELECT COUNT(*) FROM batch WHERE universe_id = ?", tenant.universeId())
            .get(0);
    return ((Number) count).longValue();
  }
}
