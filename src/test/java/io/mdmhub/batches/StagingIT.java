package io.mdmhub.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** Update Golden Records over HTTP: staging, background parsing and every rejection. */
class StagingIT {

  private static final String EXAMPLE_BATCH =
      """
      <batch src="SF">
        <contact>
          <id>003A000001xYz01</id>
          <name>Ada Example</name>
          <email>ada@example.org</email>
          <city>  Lisbon </city>
        </contact>
        <contact op="CREATE">
          <id>003A000001xYz02</id>
          <name>Ben Sample</name>
          <email>ben@example.org</email>
        </contact>
        <contact op="DELETE">
          <id>003A000001xYz03</id>
        </contact>
      </batch>
      """;

  /** Default maximum request body of the staging operation: 10 MiB. */
  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String PASSWD_LINE = "root:x:0:0";

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void exampleBatchReachesEnriched() throws Exception {
    // Paused incorporation keeps an enriched batch in ENRICHED, where this test reads it.
    pauseIncorporation("SF");

    Reply reply = tenant.stage(EXAMPLE_BATCH);

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("text/plain"),
        "content type: " + reply.header("Content-Type"));
    String prefix = HubClient.BASE_URL + tenant.recordsPath() + "/updates/";
    assertTrue(
        reply.body().matches(Pattern.quote(prefix) + "[1-9][0-9]*"),
        "body is the batch URL: " + reply.body());
    long batchId = StagedBatches.idOf(reply.body());

    Map<String, Object> batch = StagedBatches.awaitProcessed(batchId);
    assertEquals("ENRICHED", batch.get("state"), "state, message: " + batch.get("message"));
    assertEquals(tenant.universeId(), batch.get("universe_id"), "universe");
    assertEquals("SF", batch.get("source_code"), "source");
    assertEquals(3, ((Number) batch.get("entity_count")).intValue(), "entity count");
    assertEquals("BASIC", batch.get("created_by_type"), "created by type");
    assertEquals(tenant.accountId(), batch.get("created_by"), "created by");
    assertNull(batch.get("message"), "message of a batch without problems");
    assertNotNull(batch.get("enrich_ended_at"), "enrichment end time");

    assertEquals(
        List.of("003A000001xYz01", "003A000001xYz02", "003A000001xYz03"),
        entityColumn("entity_id", batchId),
        "entity ids in document order");
    assertEquals(
        List.of("UPSERT", "CREATE", "DELETE"), entityColumn("op", batchId), "entity operations");
    String adaContent = (String) entityColumn("content", batchId).get(0);
    assertTrue(adaContent.contains("<city>Lisbon</city>"), "city is trimmed: " + adaContent);
    assertTrue(adaContent.contains("<name>Ada Example</name>"), "name is kept: " + adaContent);
    assertFalse(adaContent.contains("<id>"), "id is stored apart from the fields: " + adaContent);
  }

  @Test
  void enrichmentCollapsesInnerWhiteSpace() throws Exception {
    pauseIncorporation("SF");

    Reply reply =
        tenant.stage(
            "<batch src=\"SF\"><contact><id> c1 </id>"
                + "<name>\n  Ada \t\t Example\n</name></contact></batch>");

    assertEquals(202, reply.status(), "status: " + reply.body());
    long batchId = StagedBatches.idOf(reply.body());
    Map<String, Object> batch = StagedBatches.awaitProcessed(batchId);
    assertEquals("ENRICHED", batch.get("state"), "state, message: " + batch.get("message"));
    assertEquals(List.of("c1"), entityColumn("entity_id", batchId), "trimmed entity id");
    String content = (String) entityColumn("content", batchId).get(0);
    assertTrue(content.contains("<name>Ada Example</name>"), "name collapsed: " + content);
  }

  @Test
  void wrongEntityElementEndsErrored() throws Exception {
    Reply reply = tenant.stage("<batch src=\"SF\"><person><id>p1</id></person></batch>");

    assertEquals(202, reply.status(), "status: " + reply.body());
    long batchId = StagedBatches.idOf(reply.body());
    Map<String, Object> batch = StagedBatches.awaitProcessed(batchId);
    assertEquals("ERRORED", batch.get("state"), "state");
    String message = (String) batch.get("message");
    assertNotNull(message, "message kept on the batch");
    assertTrue(message.contains("'person'"), "message names the element: " + message);
    assertNotNull(batch.get("ended_at"), "end time");
    assertEquals(List.of(), entityColumn("entity_id", batchId), "entities stored");
  }

  @Test
  void entityWithoutIdEndsErrored() throws Exception {
    String[] bodies = {
      "<batch src=\"SF\"><contact><name>No Id</name></contact></batch>",
      "<batch src=\"SF\"><contact><id>  </id><name>Blank Id</name></contact></batch>",
      "<batch src=\"SF\"><contact><id>ok-1</id></contact><contact><name>x</name></contact></batch>",
    };
    for (String body : bodies) {
      Reply reply = tenant.stage(body);

      assertEquals(202, reply.status(), "status for " + body + ": " + reply.body());
      long batchId = StagedBatches.idOf(reply.body());
      Map<String, Object> batch = StagedBatches.awaitProcessed(batchId);
      assertEquals("ERRORED", batch.get("state"), "state for " + body);
      assertNotNull(batch.get("message"), "message kept for " + body);
      assertEquals(List.of(), entityColumn("entity_id", batchId), "entities stored for " + body);
    }
  }

  @Test
  void malformedXmlGivesParserMessage() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");

    Reply reply = tenant.stage("<batch src=\"SF\"><contact><id>1</id></contact>");

    List<String> messages = errorMessages(reply, 400);
    assertEquals(2, messages.size(), "message count: " + messages);
    assertEquals(
        "When trying to parse a batch update for universe with id '" + tenant.universeId() + "'.",
        messages.get(0),
        "first message");
    assertFalse(messages.get(1).isBlank(), "the parser's message");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void emptyBodyIsMalformed() throws Exception {
    Reply reply = tenant.stage("");

    List<String> messages = errorMessages(reply, 400);
    assertEquals(2, messages.size(), "message count: " + messages);
    assertEquals(
        "When trying to parse a batch update for universe with id '" + tenant.universeId() + "'.",
        messages.get(0),
        "first message");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void wrongRootIsRejected() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");

    Reply reply = tenant.stage("<records src=\"SF\"><contact><id>1</id></contact></records>");

    XmlAssert.error(
        reply,
        400,
        "An update batch for universe with id '"
            + tenant.universeId()
            + "' could not be processed because it starts with a 'records' tag instead of with a"
            + " 'batch' tag.");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void missingSourceIsRejected() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");
    String expected =
        "An update batch for universe with id '"
            + tenant.universeId()
            + "' does not contain a source ('src') attribute.";

    for (String body :
        List.of(
            "<batch><contact><id>1</id></contact></batch>",
            "<batch src=\"  \"><contact><id>1</id></contact></batch>")) {
      Reply reply = tenant.stage(body);

      XmlAssert.error(reply, 400, expected);
    }
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void unknownSourceIsNotFound() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");

    Reply reply = tenant.stage("<batch src=\"XX\"><contact><id>1</id></contact></batch>");

    XmlAssert.error(
        reply,
        404,
        "Source with code 'XX' does not exist under universe '" + tenant.universeId() + "'.");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void nonContributingSourceIsRejected() throws Exception {
    Reply source =
        HubClient.admin(
            "PUT",
            "/universes/" + tenant.universeId() + "/sources/RO",
            "<source allowContribute=\"false\"/>");
    assertEquals(201, source.status(), "source created: " + source.body());
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");

    Reply reply = tenant.stage("<batch src=\"RO\"><contact><id>1</id></contact></batch>");

    XmlAssert.error(
        reply,
        400,
        "An update batch from source 'RO' for the universe with id '"
            + tenant.universeId()
            + "' cannot be accepted for processing because this source is not allowed to"
            + " contribute records.");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void oversizedBatchIsRejected() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");

    Reply reply = tenant.stage(contacts(201));

    List<String> messages = errorMessages(reply, 400);
    assertEquals(1, messages.size(), "message count: " + messages);
    Matcher matcher =
        Pattern.compile(
                "The batch update with id '([1-9][0-9]*)' from source 'SF' was rejected because it"
                    + " contains more source entities than the universe 'contacts' can accept in a"
                    + " single batch \\(current max is: 200\\)\\.")
            .matcher(messages.get(0));
    assertTrue(matcher.matches(), "message: " + messages.get(0));
    long rejectedId = Long.parseLong(matcher.group(1));
    assertNull(
        TestDatabase.row("SELECT id FROM batch WHERE id = ?", rejectedId),
        "the batch the message names has no row");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void batchAtMaxSizeIsAccepted() throws Exception {
    Reply reply = tenant.stage(contacts(200));

    assertEquals(202, reply.status(), "status: " + reply.body());
    long batchId = StagedBatches.idOf(reply.body());
    Map<String, Object> batch = StagedBatches.awaitProcessed(batchId);
    assertEquals(200, ((Number) batch.get("entity_count")).intValue(), "entity count");
    assertEquals(1, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void externalEntityIsRejected() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");
    String[] bodies = {
      "<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE batch [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
          + "<batch src=\"SF\"><contact><id>&xxe;</id></contact></batch>",
      "<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE batch SYSTEM \"file:///etc/passwd\">\n"
          + "<batch src=\"SF\"><contact><id>1</id></contact></batch>",
      "<?xml version=\"1.0\"?>\n"
          + "<!DOCTYPE batch [<!ENTITY % remote SYSTEM \"file:///etc/passwd\"> %remote;]>\n"
          + "<batch src=\"SF\"><contact><id>1</id></contact></batch>",
    };
    for (String body : bodies) {
      Reply reply = tenant.stage(body);

      List<String> messages = errorMessages(reply, 400);
      assertFalse(messages.isEmpty(), "messages for " + body);
      assertEquals(
          "When trying to parse a batch update for universe with id '" + tenant.universeId() + "'.",
          messages.get(0),
          "first message for " + body);
      assertFalse(reply.body().contains(PASSWD_LINE), "file content leaked: " + reply.body());
    }
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void billionLaughsIsRejected() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");
    StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE batch [\n");
    body.append("<!ENTITY lol0 \"lol\">\n");
    for (int level = 1; level <= 9; level++) {
      body.append("<!ENTITY lol").append(level).append(" \"");
      body.append(("&lol" + (level - 1) + ";").repeat(10)).append("\">\n");
    }
    body.append("]>\n<batch src=\"SF\"><contact><id>&lol9;</id></contact></batch>");

    Reply reply = tenant.stage(body.toString());

    List<String> messages = errorMessages(reply, 400);
    assertFalse(messages.isEmpty(), "messages");
    assertEquals(
        "When trying to parse a batch update for universe with id '" + tenant.universeId() + "'.",
        messages.get(0),
        "first message");
    assertFalse(reply.body().contains("lollol"), "entities were expanded: " + reply.body());
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void bodyOverLimitIsTooLarge() throws Exception {
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches before");

    Reply reply = tenant.stage(paddedBatch(MAX_BODY_BYTES + 1));

    XmlAssert.error(
        reply, 413, "The request body exceeds the maximum size of " + MAX_BODY_BYTES + " bytes.");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches after");
  }

  @Test
  void bodyAtLimitIsAccepted() throws Exception {
    Reply reply = tenant.stage(paddedBatch(MAX_BODY_BYTES));

    assertEquals(202, reply.status(), "status: " + reply.body());
    Map<String, Object> batch = StagedBatches.awaitProcessed(StagedBatches.idOf(reply.body()));
    assertEquals(1, ((Number) batch.get("entity_count")).intValue(), "entity count");
  }

  private void pauseIncorporation(String source) {
    Reply reply =
        HubClient.admin(
            "PUT",
            "/universes/" + tenant.universeId() + "/sources/" + source,
            "<source incorporation=\"paused\"/>");
    assertEquals(200, reply.status(), "source paused: " + reply.body());
  }

  private static List<Object> entityColumn(String column, long batchId) throws Exception {
    return TestDatabase.column(
        "SELECT " + column + " FROM batch_entity WHERE batch_id = ? ORDER BY ordinal", batchId);
  }

  /** Returns a batch of {@code count} contacts from source SF. */
  private static String contacts(int count) {
    StringBuilder body = new StringBuilder("<batch src=\"SF\">");
    for (int i = 1; i <= count; i++) {
      body.append("<contact><id>c").append(i).append("</id><name>n").append(i);
      body.append("</name></contact>");
    }
    return body.append("</batch>").toString();
  }

  /** Returns a batch of one contact whose body, padded with a comment, is this many bytes. */
  private static String paddedBatch(int bytes) {
    String head = "<batch src=\"SF\"><contact><id>c1</id></contact><!--";
    String tail = "--></batch>";
    return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
  }

  /** Asserts the status and the XML error body, and returns its messages in order. */
  private static List<String> errorMessages(Reply reply, int status) {
    assertEquals(status, reply.status(), "status of " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/xml"),
        "content type: " + reply.header("Content-Type"));
    NodeList nodes = XmlAssert.wellFormed(reply.body()).getElementsByTagName("message");
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      messages.add(nodes.item(i).getTextContent());
    }
    return messages;
  }
}
