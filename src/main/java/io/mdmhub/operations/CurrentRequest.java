package io.mdmhub.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTP request being served, for beans that need its correlation id: the exception mappers and
 * the audit log.
 */
@RequestScoped
public class CurrentRequest {

  @Inject HttpServletRequest request;

  /** Returns the request's correlation id, the value of its {@code X-Request-Id} header. */
  public String requestId() {
    return RequestIds.of(request);
  }
}
