package io.mdmhub.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Query Batch History over HTTP: filters, keyset paging, bad bodies and privileges. */
class BatchHistoryIT {

  private static final String BAD_BODY =
      "Unable to read message body. Please make sure the XML structure is correct.";

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void pagesStayStableWhileBatchesArrive() throws Exception {
    List<Long> existing = new ArrayList<>();
    existing.addAll(TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 600));
    existing.addAll(TestDatabase.insertBatches(tenant.universeId(), "NS", "CANCELED", 450));

    List<Long> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String attribute = token == null ? "" : " offsetToken=\"" + token + "\"";
      Reply reply = tenant.history("<BatchHistoryQuery" + attribute + "/>");
      assertEquals(200, reply.status(), "page " + pages + ": " + reply.body());
      Element root = XmlAssert.wellFormed(reply.body()).getDocumentElement();
      List<Long> page = batchIds(root);
      assertEquals(Integer.toString(page.size()), root.getAttribute("resultCount"), "result count");
      assertTrue(page.size() <= 200, "at most 200 a page: " + page.size());
      if (pages == 0) {
        assertEquals("1050", root.getAttribute("totalCount"), "total count of the first page");
      }
      seen.addAll(page);
      token = root.hasAttribute("offsetToken") ? root.getAttribute("offsetToken") : null;
      pages++;
      // Batches staged between two pages have higher ids and must not shift the next page.
      TestDatabase.insertBatches(tenant.universeId(), "SF", "PARSED", 7);
    } while (token != null && pages < 20);

    assertEquals(6, pages, "pages of 200 for 1,050 batches");
    assertEquals(new HashSet<>(seen).size(), seen.size(), "no batch seen twice");
    assertEquals(Set.copyOf(existing), Set.copyOf(seen), "every batch seen, none skipped");
    List<Long> descending = new ArrayList<>(seen);
    descending.sort((a, b) -> Long.compare(b, a));
    assertEquals(descending, seen, "newest first");
  }

  @Test
  void limitSetsPageSize() throws Exception {
    List<Long> ids = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 5);

    Reply first = tenant.history("<BatchHistoryQuery limit=\"2\"/>");
    Element root = XmlAssert.wellFormed(first.body()).getDocumentElement();
    assertEquals(List.of(ids.get(4), ids.get(3)), batchIds(root), "first page");
    assertEquals("5", root.getAttribute("totalCount"), "total count");
    assertEquals("2", root.getAttribute("resultCount"), "result count");
    String token = root.getAttribute("offsetToken");
    assertFalse(token.isEmpty(), "token while more remain");

    Reply last =
        tenant.history(
            "<BatchHistoryQuery limit=\"4\" offsetToken=\"" + token + "\"></BatchHistoryQuery>");
    Element lastRoot = XmlAssert.wellFormed(last.body()).getDocumentElement();
    assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), batchIds(lastRoot), "last page");
    assertFalse(lastRoot.hasAttribute("offsetToken"), "no token on the last page");

    Reply capped = tenant.history("<BatchHistoryQuery limit=\"5000\"/>");
    assertEquals(200, capped.status(), "limit above 200 is capped: " + capped.body());
  }

  @Test
  void filtersBySourceStateAndDate() throws Exception {
    List<Long> sf = TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 3);
    List<Long> ns = TestDatabase.insertBatches(tenant.universeId(), "NS", "CANCELED", 2);
    TestDatabase.insertBatches(tenant.universeId(), "NS", "COMPLETED", 1);

    assertEquals(reversed(sf), query("<sourceId>SF</sourceId>"), "source SF");
    assertEquals(
        reversed(ns), query("<sourceId>NS</sourceId><state>CANCELED</state>"), "NS canceled");
    assertEquals(
        reversed(List.of(sf.get(0), sf.get(1), sf.get(2), ns.get(0), ns.get(1))),
        query("<state>ENRICHED</state><state>CANCELED</state>"),
        "two states");
    assertEquals(6, query("<sourceId/><fromDate/><toDate/><state/>").size(), "empty filters");
    assertEquals(6, query("<fromDate>2000-01-01T00:00:00Z</fromDate>").size(), "from a past date");
    assertEquals(0, query("<fromDate>2999-01-01T00:00:00Z</fromDate>").size(), "future from");
    assertEquals(0, query("<toDate>2000-01-01T00:00:00Z</toDate>").size(), "past to");

    Reply row = tenant.history("<BatchHistoryQuery><sourceId>SF</sourceId></BatchHistoryQuery>");
    Document document = XmlAssert.wellFormed(row.body());
    Element batch = (Element) document.getElementsByTagName("batch").item(0);
    assertEquals(sf.get(2).toString(), text(batch, "batchId"), "batch id");
    assertEquals("SF", text(batch, "source"), "source");
    assertEquals("ENRICHED", text(batch, "state"), "state");
    assertNotNull(text(batch, "createdAt"), "created at");
    assertNull(text(batch, "endedAt"), "no end time while pending");
  }

  @Test
  void badBodiesGet400() {
    List<String> bodies =
        List.of(
            "",
            "not xml",
            "<BatchHistoryQuery>",
            "<Other/>",
            "<BatchHistoryQuery limit=\"0\"/>",
            "<BatchHistoryQuery limit=\"ten\"/>",
            "<BatchHistoryQuery offsetToken=\"garbage!\"/>",
            "<BatchHistoryQuery><state>DONE</state></BatchHistoryQuery>",
            "<BatchHistoryQuery><fromDate>2026-01-01</fromDate></BatchHistoryQuery>",
            "<BatchHistoryQuery><color>red</color></BatchHistoryQuery>",
            "<BatchHistoryQuery><sourceId>SF</sourceId><sourceId>NS</sourceId></BatchHistoryQuery>",
            "<BatchHistoryQuery><fromDate>2026-02-01T00:00:00Z</fromDate>"
                + "<toDate>2026-01-01T00:00:00Z</toDate></BatchHistoryQuery>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><BatchHistoryQuery/>");
    for (String body : bodies) {
      Reply reply = tenant.history(body);
      assertEquals(400, reply.status(), "status for " + body + ": " + reply.body());
      assertEquals(BAD_BODY, reply.element("message"), "first message for " + body);
    }
  }

  @Test
  void unknownSourceGets404() {
    Reply reply = tenant.history("<BatchHistoryQuery><sourceId>XX</sourceId></BatchHistoryQuery>");

    XmlAssert.error(
        reply,
        404,
        "Source with code 'XX' does not exist under universe '" + tenant.universeId() + "'.");
  }

  @Test
  void badBodyBeforeUnknownUniverse() {
    String path = "/mdm/universes/" + java.util.UUID.randomUUID() + "/records/updates";

    Reply badBody = HubClient.send("POST", path, tenant.auth(), "application/xml", "<x/>");
    Reply goodBody =
        HubClient.send("POST", path, tenant.auth(), "application/xml", "<BatchHistoryQuery/>");

    assertEquals(400, badBody.status(), "bad body first: " + badBody.body());
    assertEquals(404, goodBody.status(), "then the unknown universe: " + goodBody.body());
  }

  @Test
  void privilegesAllowReportingOnly() {
    String path = tenant.recordsPath() + "/updates?repositoryId=" + tenant.repositoryId();
    String body = "<BatchHistoryQuery/>";

    for (String group : List.of(Tokens.BATCH_MANAGEMENT, Tokens.ACTIVITY_REPORTING)) {
      Reply reply =
          HubClient.send(
              "POST", path, Tokens.bearer("alice", tenant.accountId(), group), "text/xml", body);
      assertEquals(200, reply.status(), group + ": " + reply.body());
    }
    Reply none =
        HubClient.send(
            "POST", path, Tokens.bearer("bob", tenant.accountId(), "Other"), "text/xml", body);
    XmlAssert.error(none, 403, "You do not have permissions to access this resource.");
  }

  private List<Long> query(String filters) {
    Reply reply = tenant.history("<BatchHistoryQuery>" + filters + "</BatchHistoryQuery>");
    assertEquals(200, reply.status(), "query " + filters + ": " + reply.body());
    return batchIds(XmlAssert.wellFormed(reply.body()).getDocumentElement());
  }

  private static List<Long> batchIds(Element root) {
    NodeList nodes = root.getElementsByTagName("batchId");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      ids.add(Long.parseLong(nodes.item(i).getTextContent()));
    }
    return ids;
  }

  private static List<Long> reversed(List<Long> ids) {
    List<Long> copy = new ArrayList<>(ids);
    copy.sort((a, b) -> Long.compare(b, a));
    return copy;
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }
}
