package io.mdmhub.operations;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the client's {@code X-Request-Id} when it is a safe token,
 * otherwise a new UUID. It is stored as a request attribute, so the authentication mechanism, the
 * servlet filter, the error page and the JAX-RS layer all see the same value.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";

  /**
   * Accepted client ids: up to 64 letters, digits, '.', '_', ':' or '-'. Anything else is replaced,
   * so a client cannot write line breaks or markup into logs and error bodies.
   */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private static final String ATTRIBUTE = RequestIds.class.getName();

  private RequestIds() {}

  /** Returns the request's id, taking or making it on first use. */
  public static String of(HttpServletRequest request) {
    Object stored = request.getAttribute(ATTRIBUTE);
    if (stored instanceof String id) {
      return id;
    }
    // Servers differ in whether they strip the spaces around a header value, and HTTP does not
    // count them as part of the value.
    String header = request.getHeader(HEADER);
    if (header != null) {
      header = header.strip();
    }
    String id =
        header != null && VALID.matcher(header).matches() ? header : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }
}
