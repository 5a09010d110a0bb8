package io.mdmhub.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evens out two request quirks that the REST runtimes of Liberty (RESTEasy) and Payara (Jersey)
 * treat differently, before either runtime sees the request:
 *
 * <ul>
 *   <li>An {@code Accept} header that does not parse as media types is hidden, so the request is
 *       served as if it had none. Every resource returns XML whatever the header says; RESTEasy
 *       would reject such a request with 400 and Jersey would ignore the header.
 *   <li>A query string with a {@code %} that does not start a two-digit hexadecimal escape is
 *       marked for {@link QueryEncodingFilter}, which rejects it after resource matching so the
 *       audit trail and the metrics record the 400. Jersey would ignore the bad escape, and its
 *       request URI no longer contains it, so only the servlet request shows it.
 * </ul>
 */
@WebFilter(urlPatterns = "/mdm/*")
public class PortableRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
    boolean readable = true;
    while (values != null && values.hasMoreElements()) {
      readable &= isReadable(values.nextElement());
    }
    String query = request.getQueryString();
    if (query != null && BAD_ESCAPE.matcher(query).find()) {
      request.setAttribute(QueryEncodingFilter.BAD_ESCAPE_ATTRIBUTE, Boolean.TRUE);
    }
    chain.doFilter(readable ? request : new WithoutAccept(request), response);
  }

  private static boolean isReadable(String value) {
    for (String range : value.split(",")) {
      if (range.isBlank()) {
        continue;
      }
      try {
        MediaType.valueOf(range.trim());
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }

  /** The request without its {@code Accept} header. */
  private static final class WithoutAccept extends HttpServletRequestWrapper {

    WithoutAccept(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return isAccept(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return isAccept(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = Collections.list(super.getHeaderNames());
      names.removeIf(WithoutAccept::isAccept);
      return Collections.enumeration(names);
    }

    private static boolean isAccept(String name) {
      return HttpHeaders.ACCEPT.equalsIgnoreCase(name);
    }
  }
}
