package io.mdmhub.batches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.XmlAssert;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staging bodies in unusual encodings and framings, and the batch status resource. */
class StagingInputIT {

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void latinOneBodyIsRejected() throws Exception {
    byte[] body =
        "<?xml version='1.0' encoding='ISO-8859-1'?><batch src='SF'><contact><id>\u00e92</id></contact></batch>"
            .getBytes(StandardCharsets.ISO_8859_1);

    Reply reply = post(body, null);

    XmlAssert.error(
        reply,
        400,
        "When trying to parse a batch update for universe with id '" + tenant.universeId() + "'.",
        "The body must be encoded in UTF-8, not 'ISO-8859-1'.");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches stored");
  }

  @Test
  void utf16BodyIsRejected() throws Exception {
    byte[] body =
        "<batch src='SF'><contact><id>1</id></contact></batch>".getBytes(StandardCharsets.UTF_16);

    Reply reply = post(body, null);

    assertEquals(400, reply.status(), "status: " + reply.body());
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches stored");
  }

  @Test
  void utf8BodyKeepsCharacters() throws Exception {
    byte[] body =
        "\uFEFF<batch src='SF'><contact><id>\u00e9-1</id><name>Zo\u00eb</name></contact></batch>"
            .getBytes(StandardCharsets.UTF_8);

    Reply reply = post(body, null);

    assertEquals(202, reply.status(), "status: " + reply.body());
    long batchId = StagedBatches.idOf(reply.body());
    assertEquals("ENRICHED", StagedBatches.awaitProcessed(batchId).get("state"), "state");
    Reply status = HubClient.send("GET", pathOf(reply.body()), tenant.auth(), null, null);
    assertEquals(200, status.status(), "status resource: " + status.body());
    assertEquals(String.valueOf(batchId), status.element("batchId"), "batch id");
    assertEquals("ENRICHED", status.element("state"), "state in the status");
    assertEquals("1", status.element("entityCount"), "entity count");
  }

  @Test
  void gzipBodyIsDecoded() throws Exception {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(
          "<batch src='SF'><contact><id>z-1</id></contact><contact><id>z-2</id></contact></batch>"
              .getBytes(StandardCharsets.UTF_8));
    }

    Reply reply = post(compressed.toByteArray(), "gzip");

    assertEquals(202, reply.status(), "status: " + reply.body());
    long batchId = StagedBatches.idOf(reply.body());
    assertEquals("ENRICHED", StagedBatches.awaitProcessed(batchId).get("state"), "state");
    Reply status = HubClient.send("GET", pathOf(reply.body()), tenant.auth(), null, null);
    assertEquals("2", status.element("entityCount"), "entity count");
  }

  @Test
  void unsupportedEncodingIsBadRequest() throws Exception {
    byte[] body =
        "<batch src='SF'><contact><id>e-1</id></contact></batch>".getBytes(StandardCharsets.UTF_8);

    for (String encoding : List.of("br", "deflate", "gzip, identity")) {
      Reply reply = post(body, encoding);

      XmlAssert.error(
          reply,
          400,
          "The request body could not be read: check its Content-Encoding and"
              + " Transfer-Encoding.");
    }
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches stored");
  }

  @Test
  void unreadableBodyIsBadRequest() throws Exception {
    Reply reply = post("not gzip".getBytes(StandardCharsets.UTF_8), "gzip");

    XmlAssert.error(
        reply,
        400,
        "The request body could not be read: check its Content-Encoding and Transfer-Encoding.");
    assertEquals(0, StagedBatches.count(tenant.universeId()), "batches stored");
  }

  @Test
  void unknownBatchIsNotFound() {
    for (String batchId : new String[] {"abc", "999999999999", "-1"}) {
      Reply reply =
          HubClient.send(
              "GET", tenant.recordsPath() + "/updates/" + batchId, tenant.auth(), null, null);

      XmlAssert.error(reply, 404, "A batch with id '" + batchId + "' does not exist.");
    }
  }

  @Test
  void errorPageServletIsNotAResource() {
    Reply reply = HubClient.send("GET", "/container-error", null, null, null);

    XmlAssert.error(reply, 404, "No resource exists at this path.");
  }

  @Test
  void generatedWadlIsNotServed() {
    Reply reply = HubClient.send("GET", "/mdm/application.wadl", tenant.auth(), null, null);

    XmlAssert.error(reply, 404, "No resource exists at this path.");
  }

  private Reply post(byte[] body, String contentEncoding) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", tenant.auth());
    headers.put("Content-Type", "application/xml");
    if (contentEncoding != null) {
      headers.put("Content-Encoding", contentEncoding);
    }
    return HubClient.send("POST", tenant.recordsPath(), headers, body);
  }

  private static String pathOf(String url) {
    String path = URI.create(url).getPath();
    assertTrue(path.startsWith("/mdm/"), "batch URL path: " + path);
    return path;
  }
}
