package io.mdmhub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.RawHttp;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Basic authentication of hub operations: every bad credential gets the 401 page, a token acts only
 * on its own repository, and a regenerated token replaces the old one at once.
 */
class BasicAuthenticationIT {

  private static final String BATCH = "<batch src=\"SF\"><contact><id>c1</id></contact></batch>";

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void extraSpacesAreAccepted() throws Exception {
    String credentials = HubClient.basic(tenant.accountId(), tenant.token()).substring(6);

    for (String header : List.of("Basic  " + credentials, "Basic " + credentials + "  ")) {
      Reply reply =
          RawHttp.send("GET", tenant.universePath(), Map.of("Authorization", header), null);

      assertEquals(200, reply.status(), "status with '" + header + "': " + reply.body());
      assertEquals(tenant.universeId(), reply.element("id"), "universe id");
    }
  }

  @Test
  void badCredentialsGetHtmlPage() throws Exception {
    Tenant other = HubClient.newTenant();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("wrong password", HubClient.basic(tenant.accountId(), tenant.token() + "x"));
    headers.put("unknown account", HubClient.basic("acct-unknown-" + UUID.randomUUID(), "x"));
    headers.put("other account's token", HubClient.basic(tenant.accountId(), other.token()));
    headers.put("token under other account", HubClient.basic(other.accountId(), tenant.token()));
    headers.put("empty password", HubClient.basic(tenant.accountId(), ""));
    headers.put("empty account", HubClient.basic("", tenant.token()));
    headers.put("not base64", "Basic %%not-base64%%");
    headers.put("no colon", "Basic " + base64(tenant.accountId() + tenant.token()));
    headers.put("not UTF-8", "Basic " + base64Bytes(new byte[] {(byte) 0xff, ':', 'a'}));
    headers.put("scheme alone", "Basic");
    headers.put("other scheme", "Digest xyz");

    for (Map.Entry<String, String> header : headers.entrySet()) {
      Reply cancel = HubClient.send("POST", tenant.cancelPath("SF"), header.getValue(), null, null);
      Reply stage =
          HubClient.send("POST", tenant.recordsPath(), header.getValue(), "application/xml", BATCH);

      assertUnauthorized(cancel, tenant.cancelPath("SF"), header.getKey());
      assertUnauthorized(stage, tenant.recordsPath(), header.getKey());
    }
    assertEquals(0, batchCount(tenant.universeId()), "batches stored");
    assertEquals(0, jobCount(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void adminCredentialsGetHtmlPage() throws Exception {
    Reply reply =
        HubClient.send(
            "POST", tenant.recordsPath(), HubClient.ADMIN_AUTH, "application/xml", BATCH);

    XmlAssert.unauthorized(reply, tenant.recordsPath());
    assertEquals(0, batchCount(tenant.universeId()), "batches stored");
  }

  @Test
  void goodBasicGetsNoChallenge() throws Exception {
    Reply stage = tenant.stage(BATCH);
    Reply cancel = tenant.cancel("NS");

    assertEquals(202, stage.status(), "staging status: " + stage.body());
    assertEquals(List.of(), stage.headerValues("WWW-Authenticate"), "staging challenges");
    assertEquals(202, cancel.status(), "cancel status: " + cancel.body());
    assertEquals(List.of(), cancel.headerValues("WWW-Authenticate"), "cancel challenges");
    assertEquals(1, batchCount(tenant.universeId()), "batches stored");
  }

  @Test
  void schemeNameIgnoresCase() {
    String authorization = "basic " + base64(tenant.accountId() + ":" + tenant.token());

    Reply reply =
        HubClient.send("POST", tenant.recordsPath(), authorization, "application/xml", BATCH);

    assertEquals(202, reply.status(), "status: " + reply.body());
  }

  @Test
  void regeneratedTokenReplacesOld() throws Exception {
    Reply regenerated =
        HubClient.admin("POST", "/repositories/" + tenant.repositoryId() + "/token", null);
    assertEquals(200, regenerated.status(), "regeneration: " + regenerated.body());
    String newToken = regenerated.element("token");
    assertNotNull(newToken, "new token");

    Reply oldStage = tenant.stage(BATCH);
    Reply oldCancel = tenant.cancel("SF");

    XmlAssert.unauthorized(oldStage, tenant.recordsPath());
    XmlAssert.unauthorized(oldCancel, tenant.cancelPath("SF"));
    assertEquals(0, batchCount(tenant.universeId()), "batches stored with the old token");

    Tenant renewed =
        new Tenant(tenant.accountId(), tenant.repositoryId(), newToken, tenant.universeId());
    Reply newStage = renewed.stage(BATCH);

    assertEquals(202, newStage.status(), "status with the new token: " + newStage.body());
    assertEquals(1, batchCount(tenant.universeId()), "batches stored with the new token");
  }

  @Test
  void otherTenantsUniverseIsNotFound() throws Exception {
    Tenant other = HubClient.newTenant();
    String id = other.universeId();
    String first = "A universe with id '" + id + "' does not exist.";
    String second =
        "Universe definition with id '"
            + id
            + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
            + id
            + "'.";

    Reply stage =
        HubClient.send("POST", other.recordsPath(), tenant.auth(), "application/xml", BATCH);
    Reply cancel = HubClient.send("POST", other.cancelPath("SF"), tenant.auth(), null, null);

    XmlAssert.error(stage, 404, first, second);
    XmlAssert.error(cancel, 404, first, second);
    assertEquals(0, batchCount(id), "batches stored in the other universe");
    assertEquals(0, jobCount(id), "cancellation jobs of the other universe");
  }

  @Test
  void otherRepositoryIdIsNotFound() throws Exception {
    Tenant other = HubClient.newTenant();
    Reply sibling =
        HubClient.admin(
            "POST",
            "/accounts/" + tenant.accountId() + "/repositories",
            "<repository name=\"second\"/>");
    assertEquals(201, sibling.status(), "second repository: " + sibling.body());
    String siblingId = HubClient.attribute(sibling.body(), "id");

    for (String repositoryId : List.of(other.repositoryId(), siblingId)) {
      String query = "?repositoryId=" + repositoryId;
      Reply stage =
          HubClient.send(
              "POST", tenant.recordsPath() + query, tenant.auth(), "application/xml", BATCH);
      Reply cancel =
          HubClient.send("POST", tenant.cancelPath("SF") + query, tenant.auth(), null, null);

      String expected = "A repository with id '" + repositoryId + "' does not exist.";
      XmlAssert.error(stage, 404, expected);
      XmlAssert.error(cancel, 404, expected);
    }
    assertEquals(0, batchCount(tenant.universeId()), "batches stored");
    assertEquals(0, jobCount(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void ownRepositoryIdIsAccepted() throws Exception {
    String query = "?repositoryId=" + tenant.repositoryId();

    Reply stage =
        HubClient.send(
            "POST", tenant.recordsPath() + query, tenant.auth(), "application/xml", BATCH);
    Reply cancel =
        HubClient.send("POST", tenant.cancelPath("SF") + query, tenant.auth(), null, null);

    assertEquals(202, stage.status(), "staging status: " + stage.body());
    assertEquals(202, cancel.status(), "cancel status: " + cancel.body());
    assertEquals(1, batchCount(tenant.universeId()), "batches stored");
  }

  @Test
  void blankRepositoryIdIsBadRequest() throws Exception {
    for (String blank : List.of("%20", "%20%20", "")) {
      String query = "?repositoryId=" + blank;
      Reply stage =
          HubClient.send(
              "POST", tenant.recordsPath() + query, tenant.auth(), "application/xml", BATCH);
      Reply cancel =
          HubClient.send("POST", tenant.cancelPath("SF") + query, tenant.auth(), null, null);

      XmlAssert.error(stage, 400, "The given repository id is blank.");
      XmlAssert.error(cancel, 400, "The given repository id is blank.");
    }
    assertEquals(0, batchCount(tenant.universeId()), "batches stored");
    assertEquals(0, jobCount(tenant.universeId()), "cancellation jobs stored");
  }

  @Test
  void blankRepositoryIdPrecedesNotFound() {
    Tenant other = HubClient.newTenant();

    Reply reply =
        HubClient.send(
            "POST",
            other.recordsPath() + "?repositoryId=%20",
            tenant.auth(),
            "application/xml",
            BATCH);

    XmlAssert.error(reply, 400, "The given repository id is blank.");
  }

  private static void assertUnauthorized(Reply reply, String path, String credential) {
    assertEquals(401, reply.status(), credential + " on " + path + ": " + reply.body());
    XmlAssert.unauthorized(reply, path);
  }

  private static String base64(String text) {
    return base64Bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64Bytes(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static long batchCount(String universeId) throws Exception {
    return count("SELECT COUNT(*) FROM batch WHERE universe_id = ?", universeId);
  }

  private static long jobCount(String universeId) throws Exception {
    return count("SELECT COUNT(*) FROM cancellation_job WHERE universe_id = ?", universeId);
  }

  private static long count(String sql, Object parameter) throws Exception {
    return ((Number) TestDatabase.column(sql, parameter).get(0)).longValue();
  }
}
