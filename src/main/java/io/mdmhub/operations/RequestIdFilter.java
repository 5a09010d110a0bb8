package io.mdmhub.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every request of the application its correlation id in the {@code X-Request-Id} response
 * header, and logs each request at FINE with that id, its method, path and final status.
 */
@WebFilter(urlPatterns = "/*")
public class RequestIdFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RequestIdFilter.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String requestId = RequestIds.of(request);
    response.setHeader(RequestIds.HEADER, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.log(
            Level.FINE,
            "Request {0}: {1} {2} ended with status {3}",
            new Object[] {
              requestId, request.getMethod(), request.getRequestURI(), response.getStatus()
            });
      }
    }
  }
}
