package io.mdmhub.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.BatchRowLock;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.TestServer;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The audit trail records accepted and rejected cancel requests, token regenerations and
 * administration changes, can be read by account, time and page, and never contains a token.
 */
class AuditIT {

  @Test
  void cancelRequestsRecorded() throws Exception {
    Tenant tenant = HubClient.newTenant();
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 1);
    Reply accepted;
    Reply conflict;
    try (BatchRowLock lock = BatchRowLock.on(ids.get(0))) {
      accepted = tenant.cancel("SF");
      conflict = tenant.cancel("SF");
    }
    Reply unknown = tenant.cancel("XX");
    Reply unauthorized =
        HubClient.send(
            "POST", tenant.cancelPath("SF"), HubClient.basic(tenant.accountId(), "no"), null, null);
    Reply forbidden =
        HubClient.send(
            "POST",
            tenant.cancelPath("SF") + "?repositoryId=" + tenant.repositoryId(),
            Tokens.bearer("rita", tenant.accountId(), Tokens.ACTIVITY_REPORTING),
            null,
            null);
    assertEquals(202, accepted.status(), "accepted cancel");
    assertEquals(409, conflict.status(), "conflicting cancel");
    assertEquals(404, unknown.status(), "cancel of an unknown source");
    assertEquals(401, unauthorized.status(), "cancel with a wrong token");
    assertEquals(403, forbidden.status(), "cancel without the privilege");

    List<Element> events = cancelEvents(tenant);
    assertEquals(5, events.size(), "cancel events of the account");

    Element ok = event(events, accepted);
    assertEquals("202", text(ok, "status"), "accepted status");
    assertEquals("ACCEPTED", text(ok, "outcome"), "accepted outcome");
    assertEquals(tenant.accountId(), text(ok, "caller"), "accepted caller");
    assertEquals("BASIC", text(ok, "authScheme"), "accepted scheme");
    assertEquals(tenant.repositoryId(), text(ok, "repositoryId"), "accepted repository");
    assertEquals(tenant.universeId(), text(ok, "universeId"), "accepted universe");
    assertEquals("SF", text(ok, "sourceId"), "accepted source");
    assertEquals(accepted.element("id"), text(ok, "jobId"), "accepted job");
    assertNotNull(text(ok, "occurredAt"), "accepted time");

    Element busy = event(events, conflict);
    assertEquals("REJECTED", text(busy, "outcome"), "conflict outcome");
    assertEquals(
        "Batch cancellation job " + accepted.element("id") + " is already in progress",
        text(busy, "detail"),
        "conflict detail");
    assertEquals("404", text(event(events, unknown), "status"), "unknown source status");

    Element denied = event(events, unauthorized);
    assertEquals("401", text(denied, "status"), "401 status");
    assertNull(text(denied, "caller"), "no caller without authentication");
    assertEquals("BASIC", text(denied, "authScheme"), "401 scheme");
    assertEquals(tenant.accountId(), text(denied, "accountId"), "401 account from the universe");

    Element jwt = event(events, forbidden);
    assertEquals("403", text(jwt, "status"), "403 status");
    assertEquals("rita", text(jwt, "caller"), "403 caller");
    assertEquals("BEARER", text(jwt, "authScheme"), "403 scheme");
  }

  @Test
  void adminChangesRecorded() throws Exception {
    Tenant tenant = HubClient.newTenant();
    Reply regenerated =
        HubClient.admin("POST", "/repositories/" + tenant.repositoryId() + "/token", null);
    assertEquals(200, regenerated.status(), "token regenerated");
    String newToken = regenerated.element("token");

    List<String> actions = new ArrayList<>();
    for (Element event : events("accountId=" + tenant.accountId())) {
      actions.add(text(event, "action"));
      assertEquals("admin", text(event, "caller"), "admin caller");
    }
    assertEquals(
        List.of(
            "TOKEN_REGENERATE",
            "SOURCE_PUT",
            "SOURCE_PUT",
            "UNIVERSE_PUT",
            "REPOSITORY_CREATE",
            "ACCOUNT_PUT"),
        actions,
        "admin events, newest first");
    Element token = events("accountId=" + tenant.accountId()).get(0);
    assertEquals(tenant.repositoryId(), text(token, "repositoryId"), "regenerated repository");

    assertNoSecret(tenant.token());
    assertNoSecret(newToken);
  }

  @Test
  void pagesAndFilters() {
    Tenant tenant = HubClient.newTenant();
    Reply first = HubClient.admin("GET", "/audit?limit=2&accountId=" + tenant.accountId(), null);
    assertEquals(200, first.status(), "first page");
    assertEquals("5", HubClient.attribute(first.body(), "totalCount"), "events of a new tenant");
    assertEquals("2", HubClient.attribute(first.body(), "resultCount"), "page size");
    String token = HubClient.attribute(first.body(), "offsetToken");
    assertNotNull(token, "offset token while more remain");

    Reply second =
        HubClient.admin(
            "GET",
            "/audit?limit=2&accountId=" + tenant.accountId() + "&offsetToken=" + token,
            null);
    assertEquals("2", HubClient.attribute(second.body(), "resultCount"), "second page size");
    assertFalse(
        second.body().contains("<id>" + first.element("id") + "</id>"),
        "second page starts after the first");

    Reply future =
        HubClient.admin(
            "GET", "/audit?accountId=" + tenant.accountId() + "&from=2999-01-01T00:00:00Z", null);
    assertEquals("0", HubClient.attribute(future.body(), "totalCount"), "events after 2999");
    Reply past =
        HubClient.admin(
            "GET", "/audit?accountId=" + tenant.accountId() + "&to=2000-01-01T00:00:00Z", null);
    assertEquals("0", HubClient.attribute(past.body(), "totalCount"), "events before 2000");

    XmlAssert.error(
        HubClient.admin("GET", "/audit?from=yesterday", null),
        400,
        "The from 'yesterday' is invalid: use an ISO-8601 instant in UTC, such as"
            + " 2026-01-01T00:00:00Z.");
    XmlAssert.unauthorized(
        HubClient.send("GET", "/mdm/admin/audit", tenant.auth(), null, null), "/mdm/admin/audit");
  }

  private static List<Element> cancelEvents(Tenant tenant) {
    List<Element> cancels = new ArrayList<>();
    for (Element event : events("accountId=" + tenant.accountId())) {
      if (text(event, "action").equals("CANCEL_REQUEST")) {
        cancels.add(event);
      }
    }
    return cancels;
  }

  private static List<Element> events(String query) {
    Reply reply = HubClient.admin("GET", "/audit?" + query, null);
    assertEquals(200, reply.status(), "status of " + reply.body());
    NodeList nodes =
        XmlAssert.wellFormed(reply.body()).getDocumentElement().getElementsByTagName("auditEvent");
    List<Element> events = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      events.add((Element) nodes.item(i));
    }
    return events;
  }

  /** Returns the event recorded for a response, found by its X-Request-Id. */
  private static Element event(List<Element> events, Reply reply) {
    String requestId = reply.header("X-Request-Id");
    for (Element event : events) {
      if (requestId.equals(text(event, "requestId"))) {
        return event;
      }
    }
    throw new AssertionError("No audit event with request id " + requestId + ": " + events);
  }

  private static String text(Element event, String name) {
    NodeList nodes = event.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  /** Asserts that no audit row and no log file contains the secret. */
  private static void assertNoSecret(String secret) throws Exception {
    assertNotNull(secret, "secret to look for");
    try (Connection connection = TestDatabase.connect();
        PreparedStatement query = connection.prepareStatement("SELECT * FROM audit_event");
        ResultSet rows = query.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          String value = rows.getString(i);
          assertFalse(value != null && value.contains(secret), "token in audit column " + i);
        }
      }
    }
    int read = 0;
    for (Path file : TestServer.logFiles()) {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(secret), "token in " + file);
        read++;
      }
    }
    assertTrue(read > 0, "no server log found in " + TestServer.logFiles());
  }
}
