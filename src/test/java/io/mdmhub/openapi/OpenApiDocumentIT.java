package io.mdmhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.TestServer;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document the server serves at {@code /openapi} is the one the build generated the client
 * from, it passes swagger-parser's validation, and Liberty also serves the UI, all without
 * credentials.
 */
class OpenApiDocumentIT {

  private static final String CANCEL_PATH =
      "/mdm/universes/{universeId}/sources/{sourceId}/cancelPendingBatches";
  private static final Path SOURCE = Path.of("src/main/resources/META-INF/openapi.yaml");

  @Test
  void servedDocumentMatchesSource() throws IOException {
    Reply served = HubClient.send("GET", "/openapi", null, null, null);
    assertEquals(200, served.status(), "status of /openapi");

    OpenAPI live = parseServed(served.body());
    OpenAPI source = parse(Files.readString(SOURCE, StandardCharsets.UTF_8));
    assertNotNull(live.getServers(), "the server adds its URLs");
    live.setServers(null);
    source.setServers(null);
    // Compared as trees: the order of a map's keys carries no meaning, and Payara sorts them.
    JsonNode expected = Json.mapper().valueToTree(source);
    JsonNode actual = Json.mapper().valueToTree(live);
    if (!expected.equals(actual)) {
      assertEquals(Json.pretty(source), Json.pretty(live), "served document");
    }
  }

  @Test
  void jsonFormatServed() throws IOException {
    Reply served = HubClient.send("GET", "/openapi?format=JSON", null, null, null);
    assertEquals(200, served.status(), "status of /openapi?format=JSON");
    assertTrue(served.body().trim().startsWith("{"), "JSON body");
    OpenAPI live = parseServed(served.body());
    assertTrue(live.getPaths().containsKey(CANCEL_PATH), "cancel path in the JSON document");
  }

  @Test
  void userInterfaceServed() {
    assumeFalse(TestServer.PAYARA, "Payara Micro serves no OpenAPI user interface");
    Reply ui = HubClient.send("GET", "/openapi/ui/", null, null, null);
    assertEquals(200, ui.status(), "status of /openapi/ui/");
    assertTrue(ui.header("Content-Type").startsWith("text/html"), "UI content type");
  }

  @Test
  void securitySchemesDeclared() throws IOException {
    OpenAPI live = parseServed(HubClient.send("GET", "/openapi", null, null, null).body());
    assertEquals(
        Set.of("hubBasic", "bearerJwt", "adminBasic"),
        live.getComponents().getSecuritySchemes().keySet(),
        "security schemes");
    assertEquals("bearer", live.getComponents().getSecuritySchemes().get("bearerJwt").getScheme());
    String cancel = live.getPaths().get(CANCEL_PATH).getPost().getDescription();
    assertTrue(cancel.contains("10,000"), "the cap in the cancel description");
    assertTrue(cancel.contains("**409**"), "the conflict in the cancel description");
  }

  /**
   * Parses a document as the server served it. Payara Micro adds a top-level {@code endpoints} map
   * of the application's paths, which OpenAPI 3.0 does not allow; it is checked and removed.
   */
  static OpenAPI parseServed(String document) throws IOException {
    if (!TestServer.PAYARA) {
      return parse(document);
    }
    ObjectNode tree = (ObjectNode) Yaml.mapper().readTree(document);
    JsonNode endpoints = tree.remove("endpoints");
    assertNotNull(endpoints, "Payara's endpoints map");
    assertTrue(endpoints.toString().contains(CANCEL_PATH), "cancel path in Payara's endpoints map");
    return parse(Json.mapper().writeValueAsString(tree));
  }

  /** Parses a document, failing on any validation message. */
  static OpenAPI parse(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
    List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
    assertEquals(List.of(), messages, "validation messages");
    assertFalse(result.getOpenAPI() == null, "parsed document");
    return result.getOpenAPI();
  }
}
