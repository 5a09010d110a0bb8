package io.mdmhub.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mdmhub.support.HubClient.Reply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Assertions on the API's XML error bodies and its 401 page. */
public final class XmlAssert {

  private XmlAssert() {}

  /** Parses a body, failing the test when it is not well-formed XML. */
  public static Document wellFormed(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      return fail("Body is not well-formed XML (" + e.getMessage() + "): " + body);
    }
  }

  /** Asserts the status, the XML content type and exactly these messages in order. */
  public static void error(Reply reply, int status, String... messages) {
    assertEquals(status, reply.status(), "status of " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("application/xml"),
        "content type: " + reply.header("Content-Type"));
    Document document = wellFormed(reply.body());
    assertEquals("error", document.getDocumentElement().getTagName(), "root element");
    NodeList nodes = document.getElementsByTagName("message");
    List<String> actual = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      actual.add(nodes.item(i).getTextContent());
    }
    assertEquals(List.of(messages), actual, "messages");
  }

  /** Asserts the hub's 401 response: HTML page naming the path, a challenge for both schemes. */
  public static void unauthorized(Reply reply, String path) {
    assertEquals(401, reply.status(), "status of " + reply.body());
    assertTrue(
        reply.header("Content-Type").startsWith("text/html"),
        "content type: " + reply.header("Content-Type"));
    List<String> challenges = reply.headerValues("WWW-Authenticate");
    assertTrue(
        challenges.stream().anyMatch(c -> c.startsWith("Basic")), "Basic challenge: " + challenges);
    assertTrue(
        challenges.stream().anyMatch(c -> c.startsWith("Bearer")),
        "Bearer challenge: " + challenges);
    assertTrue(
        reply.body().contains("<title>Error 401 Invalid credentials.</title>"), "page title");
    assertTrue(reply.body().contains("<h2>HTTP ERROR 401</h2>"), "page heading");
    assertTrue(
        reply.body().contains("Problem accessing " + path + ". Reason:"),
        "page names the path: " + reply.body());
    assertTrue(reply.body().contains("<pre>Invalid credentials.</pre>"), "reason");
  }
}
