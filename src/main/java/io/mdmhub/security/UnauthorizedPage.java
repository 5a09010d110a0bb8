package io.mdmhub.security;

import io.mdmhub.errors.ErrorResponses;
import io.mdmhub.operations.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes the hub's 401 response: {@code text/html}, a challenge for each scheme the API accepts,
 * and the page that names the request path.
 */
final class UnauthorizedPage {

  /** Request attribute set once the 401 has been written, so nothing else writes a body. */
  static final String WRITTEN = UnauthorizedPage.class.getName() + ".written";

  private UnauthorizedPage() {}

  static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
    request.setAttribute(WRITTEN, Boolean.TRUE);
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("WWW-Authenticate", "Basic realm=\"mdm\"");
    response.addHeader("WWW-Authenticate", "Bearer realm=\"mdm\"");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(RequestIds.HEADER, RequestIds.of(request));
    response.getWriter().write(page(request.getRequestURI()));
    response.flushBuffer();
  }

  static String page(String path) {
    return "<html><head><title>Error 401 Invalid credentials.</title></head>\n"
        + "<body><h2>HTTP ERROR 401</h2>\n"
        + "<p>Problem accessing "
        + ErrorResponses.escape(path)
        + ". Reason:\n"
        + "<pre>Invalid credentials.</pre></p></body></html>\n";
  }
}
