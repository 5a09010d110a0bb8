package io.mdmhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The document Liberty serves at {@code /openapi} is the one the build generated the client from,
 * it passes swagger-parser's validation, and the UI is served, all without credentials.
 */
class OpenApiDocumentIT {

  private static final Path SOURCE = Path.of("src/main/resources/META-INF/openapi.yaml");

  @Test
  void servedDocumentMatchesSource() throws IOException {
    Reply served = HubClient.send("GET", "/openapi", null, null, null);
    assertEquals(200, served.status(), "status of /openapi");

    OpenAPI live = parse(served.body());
    OpenAPI source = parse(Files.readString(SOURCE, StandardCharsets.UTF_8));
    assertNotNull(live.getServers(), "Liberty adds the server URLs");
    live.setServers(null);
    source.setServers(null);
    assertEquals(Json.pretty(source), Json.pretty(live), "served document");
  }

  @Test
  void jsonFormatServed() {
    Reply served = HubClient.send("GET", "/openapi?format=JSON", null, null, null);
    assertEquals(200, served.status(), "status of /openapi?format=JSON");
    assertTrue(served.body().trim().startsWith("{"), "JSON body");
    OpenAPI live = parse(served.body());
    assertTrue(
        live.getPaths()
            .containsKey("/mdm/universes/{universeId}/sources/{sourceId}/cancelPendingBatches"),
        "cancel path in the JSON document");
  }

  @Test
  void userInterfaceServed() {
    Reply ui = HubClient.send("GET", "/openapi/ui/", null, null, null);
    assertEquals(200, ui.status(), "status of /openapi/ui/");
    assertTrue(ui.header("Content-Type").startsWith("text/html"), "UI content type");
  }

  @Test
  void securitySchemesDeclared() {
    OpenAPI live = parse(HubClient.send("GET", "/openapi", null, null, null).body());
    assertEquals(
        List.of("hubBasic", "bearerJwt", "adminBasic"),
        List.copyOf(live.getComponents().getSecuritySchemes().keySet()),
        "security schemes");
    assertEquals("bearer", live.getComponents().getSecuritySchemes().get("bearerJwt").getScheme());
    String cancel =
        live.getPaths()
            .get("/mdm/universes/{universeId}/sources/{sourceId}/cancelPendingBatches")
            .getPost()
            .getDescription();
    assertTrue(cancel.contains("10,000"), "the cap in the cancel description");
    assertTrue(cancel.contains("**409**"), "the conflict in the cancel description");
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
