package io.mdmhub.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Hub administration over HTTP: accounts, repositories, tokens, universes and sources. */
class AdminIT {

  private static final String UNIVERSE_BODY =
      "<universe name=\"contacts\" entity=\"contact\" maxBatchSize=\"200\">"
          + "<field name=\"name\"/><field name=\"email\"/></universe>";

  @Test
  void putAccountCreatesThenKeeps() throws Exception {
    String accountId = newAccountId();

    Reply created = HubClient.admin("PUT", "/accounts/" + accountId, null);
    Reply again = HubClient.admin("PUT", "/accounts/" + accountId, null);

    assertEquals(201, created.status(), "first PUT: " + created.body());
    assertXml(created);
    Element account = root(created, "account");
    assertEquals(accountId, account.getAttribute("id"), "account id in the 201 body");
    assertEquals(200, again.status(), "second PUT: " + again.body());
    assertXml(again);
    assertEquals(accountId, root(again, "account").getAttribute("id"), "id in the 200 body");
    assertEquals(1, count("SELECT COUNT(*) FROM account WHERE id = ?", accountId), "account rows");
  }

  @Test
  void invalidAccountIdIsRejected() throws Exception {
    String[][] cases = {
      {"bad%20id", "bad id"},
      {"a".repeat(65), "a".repeat(65)},
      {"dot.ted", "dot.ted"},
      {"%C3%A9t%C3%A9", "\u00e9t\u00e9"},
    };
    for (String[] account : cases) {
      Reply reply = HubClient.admin("PUT", "/accounts/" + account[0], null);

      XmlAssert.error(
          reply,
          400,
          "The account id '"
              + account[1]
              + "' is invalid: use 1 to 64 letters, digits, '_' or '-'.");
      assertEquals(
          0, count("SELECT COUNT(*) FROM account WHERE id = ?", account[1]), "rows " + account[1]);
    }
  }

  @Test
  void createRepositoryIssuesToken() throws Exception {
    String accountId = putAccount();

    Reply reply =
        HubClient.admin(
            "POST", "/accounts/" + accountId + "/repositories", "<repository name=\"main\"/>");

    assertEquals(201, reply.status(), "status: " + reply.body());
    assertXml(reply);
    assertEquals("no-store", reply.header("Cache-Control"), "a token response is not cached");
    Element repository = root(reply, "repository");
    String repositoryId = repository.getAttribute("id");
    assertTrue(
        repositoryId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        "lower-case UUID: " + repositoryId);
    assertEquals("main", repository.getAttribute("name"), "name");
    assertEquals(accountId, repository.getAttribute("accountId"), "account id");
    String token = reply.element("token");
    assertNotNull(token, "token element");
    assertTrue(token.length() >= 22, "token of at least 128 bits: " + token.length() + " chars");

    String location = reply.header("Location");
    assertNotNull(location, "Location header");
    assertEquals(
        HubClient.BASE_URL + "/mdm/admin/repositories/" + repositoryId, location, "Location");
    Reply read =
        HubClient.send(
            "GET",
            location.substring(HubClient.BASE_URL.length()),
            HubClient.ADMIN_AUTH,
            null,
            null);
    assertEquals(200, read.status(), "GET of the Location: " + read.body());
    assertEquals(repositoryId, root(read, "repository").getAttribute("id"), "id read back");
    assertNull(read.element("token"), "a read never shows the token");

    Map<String, Object> row =
        TestDatabase.row("SELECT * FROM repository WHERE id = ?", repositoryId);
    assertEquals(accountId, row.get("account_id"), "stored account");
    assertEquals("main", row.get("name"), "stored name");
  }

  @Test
  void tokenIsStoredOnlyAsHash() throws Exception {
    Tenant tenant = HubClient.newTenant();

    Map<String, Object> row =
        TestDatabase.row("SELECT * FROM repository WHERE id = ?", tenant.repositoryId());

    String hash = (String) row.get("token_hash");
    assertTrue(hash.matches("[0-9a-f]{64}"), "64 hex characters: " + hash);
    assertNotEquals(tenant.token(), hash, "hash differs from the token");
    for (Map.Entry<String, Object> column : row.entrySet()) {
      assertFalse(
          String.valueOf(column.getValue()).contains(tenant.token()),
          "column " + column.getKey() + " contains the token");
    }
  }

  @Test
  void duplicateRepositoryNameConflicts() throws Exception {
    String accountId = putAccount();
    String path = "/accounts/" + accountId + "/repositories";
    assertEquals(201, HubClient.admin("POST", path, "<repository name=\"main\"/>").status());

    Reply reply = HubClient.admin("POST", path, "<repository name=\"main\"/>");

    XmlAssert.error(
        reply, 409, "A repository named 'main' already exists in account '" + accountId + "'.");
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM repository WHERE account_id = ?", accountId),
        "repositories of the account");
  }

  @Test
  void sameNameInOtherAccountIsAllowed() {
    String first = putAccount();
    String second = putAccount();

    Reply one =
        HubClient.admin("POST", "/accounts/" + first + "/repositories", "<repository name=\"x\"/>");
    Reply two =
        HubClient.admin(
            "POST", "/accounts/" + second + "/repositories", "<repository name=\"x\"/>");

    assertEquals(201, one.status(), "first account: " + one.body());
    assertEquals(201, two.status(), "second account: " + two.body());
  }

  @Test
  void repositoryOfUnknownAccountIsNotFound() throws Exception {
    String accountId = newAccountId();

    Reply reply =
        HubClient.admin(
            "POST", "/accounts/" + accountId + "/repositories", "<repository name=\"main\"/>");

    XmlAssert.error(reply, 404, "An account with id '" + accountId + "' does not exist.");
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM repository WHERE account_id = ?", accountId),
        "repository rows");
  }

  @Test
  void invalidRepositoryNameIsRejected() throws Exception {
    String accountId = putAccount();
    String[] bodies = {
      null,
      "<repository/>",
      "<repository name=\"   \"/>",
      "<repository name=\"" + "n".repeat(201) + "\"/>",
    };
    for (String body : bodies) {
      Reply reply = HubClient.admin("POST", "/accounts/" + accountId + "/repositories", body);

      XmlAssert.error(reply, 400, "The repository name is missing or longer than 200 characters.");
    }
    assertEquals(
        0,
        count("SELECT COUNT(*) FROM repository WHERE account_id = ?", accountId),
        "repository rows");
  }

  @Test
  void regenerateTokenReplacesHash() throws Exception {
    Tenant tenant = HubClient.newTenant();
    Object oldHash =
        TestDatabase.row("SELECT token_hash FROM repository WHERE id = ?", tenant.repositoryId())
            .get("token_hash");

    Reply reply =
        HubClient.admin("POST", "/repositories/" + tenant.repositoryId() + "/token", null);

    assertEquals(200, reply.status(), "status: " + reply.body());
    assertXml(reply);
    assertEquals("no-store", reply.header("Cache-Control"), "a token response is not cached");
    Element repository = root(reply, "repository");
    assertEquals(tenant.repositoryId(), repository.getAttribute("id"), "repository id");
    assertEquals("main", repository.getAttribute("name"), "name");
    assertEquals(tenant.accountId(), repository.getAttribute("accountId"), "account id");
    String token = reply.element("token");
    assertNotNull(token, "new token");
    assertTrue(token.length() >= 22, "token of at least 128 bits: " + token.length() + " chars");
    assertNotEquals(tenant.token(), token, "the token changed");
    Object newHash =
        TestDatabase.row("SELECT token_hash FROM repository WHERE id = ?", tenant.repositoryId())
            .get("token_hash");
    assertNotEquals(oldHash, newHash, "stored hash changed");
  }

  @Test
  void regenerateUnknownRepositoryIsNotFound() {
    String repositoryId = UUID.randomUUID().toString();

    Reply reply = HubClient.admin("POST", "/repositories/" + repositoryId + "/token", null);

    XmlAssert.error(reply, 404, "A repository with id '" + repositoryId + "' does not exist.");
  }

  @Test
  void putUniverseCreatesThenUpdates() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String universeId = UUID.randomUUID().toString();
    String path = "/repositories/" + tenant.repositoryId() + "/universes/" + universeId;

    Reply created = HubClient.admin("PUT", path, UNIVERSE_BODY);

    assertEquals(201, created.status(), "first PUT: " + created.body());
    assertXml(created);
    Element universe = root(created, "universe");
    assertEquals(universeId, universe.getAttribute("id"), "id");
    assertEquals("contacts", universe.getAttribute("name"), "name");
    assertEquals("contact", universe.getAttribute("entity"), "entity");
    assertEquals("200", universe.getAttribute("maxBatchSize"), "max batch size");
    assertEquals("1", universe.getAttribute("version"), "version of a new universe");
    assertEquals(tenant.repositoryId(), universe.getAttribute("repositoryId"), "repository");
    assertEquals(
        List.of("name", "email"),
        TestDatabase.column(
            "SELECT name FROM universe_field WHERE universe_id = ? ORDER BY ordinal", universeId),
        "stored fields");

    Reply same = HubClient.admin("PUT", path, UNIVERSE_BODY);

    assertEquals(200, same.status(), "unchanged PUT: " + same.body());
    assertEquals("1", root(same, "universe").getAttribute("version"), "version when unchanged");

    Reply changed =
        HubClient.admin(
            "PUT",
            path,
            "<universe name=\"contacts\" entity=\"contact\" maxBatchSize=\"50\">"
                + "<field name=\"name\"/><field name=\"email\"/><field name=\"city\"/></universe>");

    assertEquals(200, changed.status(), "changed PUT: " + changed.body());
    Element updated = root(changed, "universe");
    assertEquals("2", updated.getAttribute("version"), "version after a change");
    assertEquals("50", updated.getAttribute("maxBatchSize"), "new max batch size");
    Map<String, Object> row = TestDatabase.row("SELECT * FROM universe WHERE id = ?", universeId);
    assertEquals(2, ((Number) row.get("version")).intValue(), "stored version");
    assertEquals(50, ((Number) row.get("max_batch_size")).intValue(), "stored max batch size");
    assertEquals(
        3,
        count("SELECT COUNT(*) FROM universe_field WHERE universe_id = ?", universeId),
        "stored fields after the change");
  }

  @Test
  void universeOfOtherRepositoryConflicts() throws Exception {
    Tenant owner = HubClient.newTenant();
    Tenant other = HubClient.newTenant();

    Reply reply =
        HubClient.admin(
            "PUT",
            "/repositories/" + other.repositoryId() + "/universes/" + owner.universeId(),
            UNIVERSE_BODY);

    XmlAssert.error(
        reply,
        409,
        "The universe id '" + owner.universeId() + "' is already used by another repository.");
    Map<String, Object> row =
        TestDatabase.row("SELECT * FROM universe WHERE id = ?", owner.universeId());
    assertEquals(owner.repositoryId(), row.get("repository_id"), "owner unchanged");
    assertEquals(1, ((Number) row.get("version")).intValue(), "definition unchanged");
  }

  @Test
  void invalidUniverseIdIsRejected() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String universeId = "851a6a64-6a88-4916-a5b7-d6a974d5431g";

    Reply reply =
        HubClient.admin(
            "PUT",
            "/repositories/" + tenant.repositoryId() + "/universes/" + universeId,
            UNIVERSE_BODY);

    XmlAssert.error(reply, 400, "The universe id '" + universeId + "' is not a UUID.");
    assertEquals(
        1,
        count("SELECT COUNT(*) FROM universe WHERE repository_id = ?", tenant.repositoryId()),
        "universes of the repository");
  }

  @Test
  void universeOfUnknownRepositoryIsNotFound() throws Exception {
    String repositoryId = UUID.randomUUID().toString();
    String universeId = UUID.randomUUID().toString();

    Reply reply =
        HubClient.admin(
            "PUT", "/repositories/" + repositoryId + "/universes/" + universeId, UNIVERSE_BODY);

    XmlAssert.error(reply, 404, "A repository with id '" + repositoryId + "' does not exist.");
    assertNull(TestDatabase.row("SELECT id FROM universe WHERE id = ?", universeId), "row");
  }

  @Test
  void invalidMaxBatchSizeIsRejected() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String universeId = UUID.randomUUID().toString();
    String path = "/repositories/" + tenant.repositoryId() + "/universes/" + universeId;
    for (String size : List.of("0", "-5", "abc", "100001", "1.5", "")) {
      Reply reply =
          HubClient.admin(
              "PUT",
              path,
              "<universe name=\"contacts\" entity=\"contact\" maxBatchSize=\"" + size + "\"/>");

      XmlAssert.error(
          reply,
          400,
          "The maxBatchSize '" + size + "' is invalid: use a whole number from 1 to 100000.");
    }
    assertNull(TestDatabase.row("SELECT id FROM universe WHERE id = ?", universeId), "row");
  }

  @Test
  void invalidUniverseBodyIsRejected() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String universeId = UUID.randomUUID().toString();
    String path = "/repositories/" + tenant.repositoryId() + "/universes/" + universeId;
    String[][] cases = {
      {null, "The body must be a 'universe' element."},
      {"<source/>", "The body must be a 'universe' element, not 'source'."},
      {
        "<universe name=\"\" entity=\"contact\"/>",
        "The universe name '' is invalid: use up to 100 letters, digits, '_', '.' or '-',"
            + " starting with a letter or '_'."
      },
      {"<universe entity=\"contact\"/>", "The universe name is missing."},
      {
        "<universe name=\"c\" entity=\"1contact\"/>",
        "The entity element name '1contact' is invalid: use up to 100 letters, digits, '_',"
            + " '.' or '-', starting with a letter or '_'."
      },
      {
        "<universe name=\"c\" entity=\"contact\"><field name=\"id\"/></universe>",
        "The field name 'id' is reserved or given twice."
      },
      {
        "<universe name=\"c\" entity=\"contact\"><field name=\"a\"/><field name=\"a\"/></universe>",
        "The field name 'a' is reserved or given twice."
      },
    };
    for (String[] body : cases) {
      Reply reply = HubClient.admin("PUT", path, body[0]);

      XmlAssert.error(reply, 400, body[1]);
    }
    assertNull(TestDatabase.row("SELECT id FROM universe WHERE id = ?", universeId), "row");
  }

  @Test
  void deeplyNestedBodyIsRejected() {
    Tenant tenant = HubClient.newTenant();
    String body = "<source>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</source>";

    Reply reply =
        HubClient.admin("PUT", "/universes/" + tenant.universeId() + "/sources/DEEP", body);

    XmlAssert.error(reply, 400, "The body nests elements deeper than 8 levels.");
  }

  @Test
  void putSourceCreatesThenUpdates() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String path = "/universes/" + tenant.universeId() + "/sources/ERP";

    Reply created =
        HubClient.admin(
            "PUT", path, "<source allowContribute=\"true\" incorporation=\"running\"/>");

    assertEquals(201, created.status(), "first PUT: " + created.body());
    assertXml(created);
    Element source = root(created, "source");
    assertEquals("ERP", source.getAttribute("code"), "code");
    assertEquals(tenant.universeId(), source.getAttribute("universeId"), "universe");
    assertEquals("true", source.getAttribute("allowContribute"), "allowContribute");
    assertEquals("running", source.getAttribute("incorporation"), "incorporation");

    Reply updated =
        HubClient.admin(
            "PUT", path, "<source allowContribute=\"false\" incorporation=\"paused\"/>");

    assertEquals(200, updated.status(), "second PUT: " + updated.body());
    Element changed = root(updated, "source");
    assertEquals("false", changed.getAttribute("allowContribute"), "allowContribute after");
    assertEquals("paused", changed.getAttribute("incorporation"), "incorporation after");
    Map<String, Object> row =
        TestDatabase.row(
            "SELECT * FROM source WHERE code = 'ERP' AND universe_id = ?", tenant.universeId());
    assertEquals(Boolean.FALSE, row.get("allow_contribute"), "stored allowContribute");
    assertEquals("PAUSED", row.get("incorporation"), "stored incorporation");
  }

  @Test
  void invalidSourceBodyIsRejected() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String path = "/universes/" + tenant.universeId() + "/sources/ERP";
    String[][] cases = {
      {
        "<source incorporation=\"sometimes\"/>",
        "The incorporation value 'sometimes' is invalid: use running or paused."
      },
      {
        "<source allowContribute=\"yes\"/>",
        "The allowContribute value 'yes' is invalid: use true or false."
      },
      {"<universe/>", "The body must be a 'source' element, not 'universe'."},
    };
    for (String[] body : cases) {
      Reply reply = HubClient.admin("PUT", path, body[0]);

      XmlAssert.error(reply, 400, body[1]);
    }
    Reply badCode =
        HubClient.admin("PUT", "/universes/" + tenant.universeId() + "/sources/a.b", null);
    XmlAssert.error(
        badCode, 400, "The source code 'a.b' is invalid: use 1 to 50 letters, digits, '_' or '-'.");
    assertEquals(
        List.of("NS", "SF"),
        TestDatabase.column(
            "SELECT code FROM source WHERE universe_id = ? ORDER BY code", tenant.universeId()),
        "sources of the universe");
  }

  @Test
  void sourceOfUnknownUniverseIsNotFound() throws Exception {
    String universeId = UUID.randomUUID().toString();

    Reply reply = HubClient.admin("PUT", "/universes/" + universeId + "/sources/SF", null);

    XmlAssert.error(reply, 404, "A universe with id '" + universeId + "' does not exist.");
    assertEquals(
        0, count("SELECT COUNT(*) FROM source WHERE universe_id = ?", universeId), "source rows");
  }

  @Test
  void missingCredentialsGetHtmlPage() throws Exception {
    String accountId = newAccountId();
    String path = "/mdm/admin/accounts/" + accountId;

    Reply reply = HubClient.send("PUT", path, null, null, null);

    XmlAssert.unauthorized(reply, path);
    assertEquals(0, count("SELECT COUNT(*) FROM account WHERE id = ?", accountId), "rows");
  }

  @Test
  void wrongAdminCredentialsGetHtmlPage() throws Exception {
    String accountId = newAccountId();
    String path = "/mdm/admin/accounts/" + accountId;
    String[] headers = {
      HubClient.basic("admin", "wrong-password"),
      HubClient.basic(
          "someone", System.getProperty("mdm.test.adminPassword", "dev-admin-password")),
      "Basic",
    };
    for (String authorization : headers) {
      Reply reply = HubClient.send("PUT", path, authorization, null, null);

      XmlAssert.unauthorized(reply, path);
    }
    assertEquals(0, count("SELECT COUNT(*) FROM account WHERE id = ?", accountId), "rows");
  }

  @Test
  void tenantCredentialsGetHtmlPage() throws Exception {
    Tenant tenant = HubClient.newTenant();
    String accountId = newAccountId();
    String path = "/mdm/admin/accounts/" + accountId;

    Reply reply = HubClient.send("PUT", path, tenant.auth(), null, null);

    XmlAssert.unauthorized(reply, path);
    assertEquals(0, count("SELECT COUNT(*) FROM account WHERE id = ?", accountId), "rows");

    String tokenPath = "/mdm/admin/repositories/" + tenant.repositoryId() + "/token";
    Reply regenerate = HubClient.send("POST", tokenPath, tenant.auth(), null, null);

    XmlAssert.unauthorized(regenerate, tokenPath);
    Reply stage = tenant.stage("<batch src=\"SF\"><contact><id>1</id></contact></batch>");
    assertEquals(202, stage.status(), "the tenant's token still works: " + stage.body());
  }

  private static String newAccountId() {
    return "acct-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a new account and returns its id. */
  private static String putAccount() {
    String accountId = newAccountId();
    Reply reply = HubClient.admin("PUT", "/accounts/" + accountId, null);
    assertEquals(201, reply.status(), "account created: " + reply.body());
    return accountId;
  }

  private static long count(String sql, Object parameter) throws Exception {
    return ((Number) TestDatabase.column(sql, parameter).get(0)).longValue();
  }

  private static void assertXml(Reply reply) {
    assertTrue(
        reply.header("Content-Type").startsWith("application/xml"),
        "content type: " + reply.header("Content-Type"));
  }

  /** Parses the body and asserts the name of its root element. */
  private static Element root(Reply reply, String name) {
    Element root = XmlAssert.wellFormed(reply.body()).getDocumentElement();
    assertEquals(name, root.getTagName(), "root element of " + reply.body());
    return root;
  }
}
