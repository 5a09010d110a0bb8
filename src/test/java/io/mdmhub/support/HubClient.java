package io.mdmhub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the running server over real HTTP. The base URL and the administrator come from the system
 * properties that failsafe sets from the pom.
 */
public final class HubClient {

  public static final String BASE_URL =
      System.getProperty("mdm.test.baseUrl", "http://localhost:9080");
  public static final String ADMIN_AUTH =
      basic(
          System.getProperty("mdm.test.adminUser", "admin"),
          System.getProperty("mdm.test.adminPassword", "dev-admin-password"));

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HubClient() {}

  /** A response with its status, headers and body as text. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public List<String> headerValues(String name) {
      return headers.allValues(name);
    }

    /** Returns the text of the first element with this name in the body, or null. */
    public String element(String name) {
      Matcher matcher = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a request. {@code path} is appended to the base URL as given, so it must already be
   * percent-encoded; {@code authorization} and {@code contentType} may be null.
   */
  public static Reply send(
      String method, String path, String authorization, String contentType, String body) {
    return sendTo(BASE_URL, method, path, authorization, contentType, body);
  }

  /** Sends a request to the server at {@code baseUrl}, such as a second cluster node. */
  public static Reply sendTo(
      String baseUrl,
      String method,
      String path,
      String authorization,
      String contentType,
      String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return sendTo(
        baseUrl,
        method,
        path,
        headers,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a request with the given headers and raw body, which may be null. */
  public static Reply send(String method, String path, Map<String, String> headers, byte[] body) {
    return sendTo(BASE_URL, method, path, headers, body);
  }

  private static Reply sendTo(
      String baseUrl, String method, String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " was interrupted", e);
    }
  }

  public static Reply admin(String method, String path, String body) {
    return send(method, "/mdm/admin" + path, ADMIN_AUTH, "application/xml", body);
  }

  /**
   * Creates a fresh tenant through the administration API: an account, a repository, a {@code
   * contacts} universe (max batch size 200) and the sources {@code SF} and {@code NS}. Their
   * incorporation is paused, so enriched batches wait in {@code ENRICHED} until a test resumes it
   * with {@link Tenant#setIncorporation}.
   */
  public static Tenant newTenant() {
    String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
    expect(admin("PUT", "/accounts/" + accountId, null), 201);
    Reply repository =
        expect(
            admin(
                "POST", "/accounts/" + accountId + "/repositories", "<repository name=\"main\"/>"),
            201);
    String repositoryId = attribute(repository.body(), "id");
    String token = repository.element("token");
    String universeId = UUID.randomUUID().toString();
    expect(
        admin(
            "PUT",
            "/repositories/" + repositoryId + "/universes/" + universeId,
            "<universe name=\"contacts\" entity=\"contact\" maxBatchSize=\"200\">"
                + "<field name=\"name\"/><field name=\"email\"/><field name=\"city\"/></universe>"),
        201);
    for (String source : List.of("SF", "NS")) {
      expect(
          admin(
              "PUT",
              "/universes/" + universeId + "/sources/" + source,
              "<source incorporation=\"paused\"/>"),
          201);
    }
    return new Tenant(accountId, repositoryId, token, universeId);
  }

  /** Returns the value of the first attribute with this name in an XML text, or null. */
  public static String attribute(String xml, String name) {
    Matcher matcher = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(xml);
    return matcher.find() ? matcher.group(1) : null;
  }

  static Reply expect(Reply reply, int status) {
    if (reply.status() != status) {
      throw new IllegalStateException(
          "Expected status " + status + " but got " + reply.status() + ": " + reply.body());
    }
    return reply;
  }
}
