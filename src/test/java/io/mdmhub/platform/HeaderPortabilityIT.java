package io.mdmhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.RawHttp;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.XmlAssert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests on which the REST runtimes of Liberty and Payara differ by default get the same response
 * from this service: an unreadable {@code Accept} header, a bad escape in the query string, the
 * charset of XML bodies, the {@code Allow} header, spaces around {@code X-Request-Id}, and a query
 * string or header longer than Payara's default limit of 8 KB.
 */
class HeaderPortabilityIT {

  private static final String BAD_QUERY =
      "The query string is malformed: each % must start a two-digit hexadecimal escape.";

  private Tenant tenant;

  @BeforeEach
  void createTenant() {
    tenant = HubClient.newTenant();
  }

  @Test
  void unreadableAcceptIsIgnored() throws Exception {
    Reply reply = send("POST", tenant.cancelPath("SF"), "Accept", "garbage");

    assertEquals(202, reply.status(), "status: " + reply.body());
    assertEquals("RUNNING", reply.element("state"), "job state");
  }

  @Test
  void badQueryEscapeOnCancelIsRejected() throws Exception {
    TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 1);

    for (String query : List.of("?x=%", "?x=%ZZ", "?repositoryId=%4")) {
      Reply reply =
          RawHttp.send(
              "POST",
              tenant.cancelPath("SF") + query,
              Map.of("Authorization", tenant.auth()),
              null);

      XmlAssert.error(reply, 400, BAD_QUERY);
    }
    assertEquals(
        List.of(),
        TestDatabase.column(
            "SELECT id FROM cancellation_job WHERE universe_id = ?", tenant.universeId()),
        "jobs created");
  }

  @Test
  void badQueryEscapeOnStagingIsRejected() throws Exception {
    Reply reply =
        RawHttp.send(
            "POST",
            tenant.recordsPath() + "?x=%ZZ",
            Map.of("Authorization", tenant.auth(), "Content-Type", "application/xml"),
            "<batch src='SF'><contact><id>q-1</id></contact></batch>");

    XmlAssert.error(reply, 400, BAD_QUERY);
    assertEquals(
        List.of(),
        TestDatabase.column("SELECT id FROM batch WHERE universe_id = ?", tenant.universeId()),
        "batches stored");
  }

  @Test
  void xmlBodiesNameUtf8() throws Exception {
    Reply universe = HubClient.send("GET", tenant.universePath(), tenant.auth(), null, null);
    Reply missing = HubClient.send("GET", tenant.jobsPath("XX"), tenant.auth(), null, null);

    assertEquals(200, universe.status(), "universe status");
    assertEquals("application/xml;charset=utf-8", contentType(universe), "universe content type");
    assertEquals(404, missing.status(), "unknown source status");
    assertEquals("application/xml;charset=utf-8", contentType(missing), "error content type");
  }

  @Test
  void allowListsHeadWithGet() {
    Reply reply = HubClient.send("PATCH", tenant.universePath(), tenant.auth(), null, null);

    assertEquals(405, reply.status(), "status");
    assertEquals("HEAD, GET", reply.header("Allow"), "Allow header");
  }

  @Test
  void requestIdIsTrimmed() throws Exception {
    Reply reply = send("GET", tenant.universePath(), "X-Request-Id", "  trimmed-id-1  ");

    assertEquals(200, reply.status(), "status");
    assertEquals("trimmed-id-1", reply.header("X-Request-Id"), "request id");
  }

  @Test
  void longQueryAndHeaderAreRead() throws Exception {
    // A client of its own: a server that rejects the headers of an HTTP/2 stream can leave the
    // connection unusable for later requests.
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest query =
        HttpRequest.newBuilder(
                URI.create(
                    HubClient.BASE_URL + tenant.universePath() + "?pad=" + "a".repeat(20_000)))
            .header("Authorization", tenant.auth())
            .build();
    HttpRequest bearer =
        HttpRequest.newBuilder(URI.create(HubClient.BASE_URL + tenant.universePath()))
            .header("Authorization", "Bearer " + "a".repeat(20_000))
            .build();

    HttpResponse<String> queried = client.send(query, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> rejected = client.send(bearer, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, queried.statusCode(), "status with a 20,000-character query");
    XmlAssert.unauthorized(
        new Reply(rejected.statusCode(), rejected.headers(), rejected.body()),
        tenant.universePath());
  }

  private static String contentType(Reply reply) {
    return reply.header("Content-Type").replace(" ", "").toLowerCase(Locale.ROOT);
  }

  private Reply send(String method, String path, String header, String value) {
    return HubClient.send(
        method, path, Map.of("Authorization", tenant.auth(), header, value), null);
  }
}
