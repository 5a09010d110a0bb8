package io.mdmhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stops a request whose authentication failed, after the mechanism wrote the 401 page, so no
 * resource runs and no second body is appended.
 */
@WebFilter(urlPatterns = "/*")
public class AuthenticationFailureFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(UnauthorizedPage.WRITTEN) != null) {
      return;
    }
    chain.doFilter(request, response);
  }
}
