package io.mdmhub.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.XmlAssert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The correlation id: taken or made, returned in the header and in every error body. */
class RequestIdIT {

  // NOTE: HTTP/1.1 because a request that offers an h2c upgrade and ends on the container's
  // error page (a path outside /mdm) got no response from Liberty 26.0.0.3 in a manual check.
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void clientIdEchoedInErrorBody() throws Exception {
    Tenant tenant = HubClient.newTenant();
    HttpResponse<String> reply = get(tenant, "/mdm/universes/not-a-uuid", "trace-42.a:b");
    assertEquals(404, reply.statusCode(), "status");
    assertEquals("trace-42.a:b", reply.headers().firstValue("X-Request-Id").orElse(null), "header");
    assertEquals(
        "trace-42.a:b",
        XmlAssert.wellFormed(reply.body()).getDocumentElement().getAttribute("requestId"),
        "requestId attribute");
  }

  @Test
  void unsafeIdReplaced() throws Exception {
    Tenant tenant = HubClient.newTenant();
    HttpResponse<String> reply = get(tenant, "/mdm/universes/not-a-uuid", "bad<id>");
    String id = reply.headers().firstValue("X-Request-Id").orElse(null);
    assertNotNull(id, "header present");
    assertNotEquals("bad<id>", id, "unsafe id replaced");
    UUID.fromString(id);
  }

  @Test
  void idMadeForEverySuccess() {
    Tenant tenant = HubClient.newTenant();
    String first = tenant.cancel("SF").header("X-Request-Id");
    String second = tenant.cancel("NS").header("X-Request-Id");
    assertNotNull(first, "header on a 202");
    assertNotEquals(first, second, "a new id per request");
  }

  @Test
  void unauthorizedCarriesId() {
    Tenant tenant = HubClient.newTenant();
    HubClient.Reply reply =
        HubClient.send(
            "POST", tenant.cancelPath("SF"), HubClient.basic(tenant.accountId(), "x"), null, null);
    XmlAssert.unauthorized(reply, tenant.cancelPath("SF"));
    assertNotNull(reply.header("X-Request-Id"), "header on a 401");
  }

  @Test
  void containerErrorCarriesId() throws Exception {
    Tenant tenant = HubClient.newTenant();
    HttpResponse<String> reply = get(tenant, "/no-such-page", "page-1");
    assertEquals(404, reply.statusCode(), "status");
    assertEquals("page-1", reply.headers().firstValue("X-Request-Id").orElse(null), "header");
    assertTrue(reply.body().startsWith("<error requestId=\"page-1\">"), "body: " + reply.body());
  }

  private static HttpResponse<String> get(Tenant tenant, String path, String requestId)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(HubClient.BASE_URL + path))
            .header("Authorization", tenant.auth())
            .header("X-Request-Id", requestId)
            .timeout(Duration.ofSeconds(30))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
