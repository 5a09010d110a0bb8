package io.mdmhub.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mdmhub.support.BatchStates;
import io.mdmhub.support.CancellationJobs;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.Tokens;
import io.mdmhub.support.XmlAssert;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Get Deployed Universe and the universe list over HTTP, with pending batch statistics. */
class UniverseIT {

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void statisticsDropByCanceledBatches() throws Exception {
    long sfSmall = stage("SF", 2);
    long sfLarge = stage("SF", 3);
    long ns = stage("NS", 4);
    for (long id : List.of(sfSmall, sfLarge, ns)) {
      BatchStates.await(id, Set.of("ENRICHED"));
    }
    TestDatabase.insertBatches(tenant.universeId(), "SF", "PARSED", 1);
    TestDatabase.insertBatches(tenant.universeId(), "SF", "COMPLETED", 5);

    Element before = universe();
    assertEquals(tenant.universeId(), text(before, "id"), "id");
    assertEquals("contacts", text(before, "name"), "name");
    assertEquals("1", text(before, "version"), "version");
    assertStats(before, "SF", 3, 6);
    assertStats(before, "NS", 1, 4);

    Reply cancel = tenant.cancel("SF");
    assertEquals(202, cancel.status(), "cancel: " + cancel.body());
    Reply job =
        CancellationJobs.awaitEnd(new URI(cancel.header("Location")).getRawPath(), tenant.auth());
    assertEquals("3", job.element("canceledCount"), "canceled: " + job.body());

    Element after = universe();
    assertStats(after, "SF", 0, 0);
    assertStats(after, "NS", 1, 4);
  }

  @Test
  void listShowsOwnUniversesOnly() {
    Tenant other = HubClient.newTenant();
    String second = UUID.randomUUID().toString();
    Reply created =
        HubClient.admin(
            "PUT",
            "/repositories/" + tenant.repositoryId() + "/universes/" + second,
            "<universe name=\"accounts\" entity=\"account\"/>");
    assertEquals(201, created.status(), "second universe: " + created.body());

    Reply reply = HubClient.send("GET", "/mdm/universes", tenant.auth(), null, null);

    assertEquals(200, reply.status(), "status: " + reply.body());
    Element root = XmlAssert.wellFormed(reply.body()).getDocumentElement();
    assertEquals("universes", root.getTagName(), "root element");
    NodeList universes = root.getElementsByTagName("universe");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < universes.getLength(); i++) {
      ids.add(text((Element) universes.item(i), "id"));
    }
    assertEquals(List.of(second, tenant.universeId()), ids, "own universes, by name");
    assertEquals(
        0,
        ((Element) universes.item(0)).getElementsByTagName("sourceStats").getLength(),
        "no sources on the new universe");
    Reply others = HubClient.send("GET", "/mdm/universes", other.auth(), null, null);
    assertEquals(
        1,
        XmlAssert.wellFormed(others.body()).getElementsByTagName("universe").getLength(),
        "the other tenant sees only its own");
  }

  @Test
  void unknownUniverseGets404() {
    String missing = UUID.randomUUID().toString();
    Reply reply = HubClient.send("GET", "/mdm/universes/" + missing, tenant.auth(), null, null);

    XmlAssert.error(
        reply,
        404,
        "A universe with id '" + missing + "' does not exist.",
        "Universe definition with id '"
            + missing
            + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
            + missing
            + "'.");
    Reply notUuid = HubClient.send("GET", "/mdm/universes/abc", tenant.auth(), null, null);
    XmlAssert.error(notUuid, 404, "A universe with id 'abc' does not exist.");
    Reply blank = HubClient.send("GET", "/mdm/universes/%20", tenant.auth(), null, null);
    XmlAssert.error(blank, 400, "The given universe id is blank.");
  }

  @Test
  void jwtNeedsRepositoryId() {
    String auth = Tokens.bearer("alice", tenant.accountId(), Tokens.ACTIVITY_REPORTING);

    Reply missing = HubClient.send("GET", "/mdm/universes", auth, null, null);
    Reply blank = HubClient.send("GET", "/mdm/universes?repositoryId=%20", auth, null, null);
    Reply named =
        HubClient.send(
            "GET", "/mdm/universes?repositoryId=" + tenant.repositoryId(), auth, null, null);
    Reply forbidden =
        HubClient.send(
            "GET",
            tenant.universePath() + "?repositoryId=" + tenant.repositoryId(),
            Tokens.bearer("bob", tenant.accountId(), "Other"),
            null,
            null);

    XmlAssert.error(missing, 400, "The repository id is required.");
    XmlAssert.error(blank, 400, "The given repository id is blank.");
    assertEquals(200, named.status(), "with repositoryId: " + named.body());
    XmlAssert.error(forbidden, 403, "You do not have permissions to access this resource.");
  }

  private long stage(String source, int entities) {
    StringBuilder body = new StringBuilder("<batch src=\"" + source + "\">");
    for (int i = 0; i < entities; i++) {
      body.append("<contact><id>e").append(i).append("</id></contact>");
    }
    Reply reply = tenant.stage(body.append("</batch>").toString());
    assertEquals(202, reply.status(), "staging: " + reply.body());
    return BatchStates.idOf(reply.body());
  }

  private Element universe() {
    Reply reply = HubClient.send("GET", tenant.universePath(), tenant.auth(), null, null);
    assertEquals(200, reply.status(), "status: " + reply.body());
    Element root = XmlAssert.wellFormed(reply.body()).getDocumentElement();
    assertEquals("universe", root.getTagName(), "root element");
    return root;
  }

  private static void assertStats(Element universe, String source, int updates, int records) {
    NodeList stats = universe.getElementsByTagName("sourceStats");
    for (int i = 0; i < stats.getLength(); i++) {
      Element element = (Element) stats.item(i);
      if (element.getAttribute("sourceCode").equals(source)) {
        assertEquals(
            Integer.toString(updates),
            element.getAttribute("pendingBatchUpdates"),
            source + " pending batches");
        assertEquals(
            Integer.toString(records),
            element.getAttribute("pendingBatchRecords"),
            source + " pending records");
        return;
      }
    }
    throw new AssertionError("No sourceStats for " + source);
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent();
  }
}
