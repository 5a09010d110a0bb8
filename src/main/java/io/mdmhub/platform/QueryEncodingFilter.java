package io.mdmhub.platform;

import io.mdmhub.errors.InvalidRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Rejects a request whose query string {@link PortableRequestFilter} found a bad percent-escape in.
 * It runs after resource matching, so the audit trail and the metrics record the 400.
 */
@Provider
public class QueryEncodingFilter implements ContainerRequestFilter {

  /** The servlet request attribute, which JAX-RS exposes as a request property. */
  static final String BAD_ESCAPE_ATTRIBUTE = QueryEncodingFilter.class.getName() + ".badEscape";

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getProperty(BAD_ESCAPE_ATTRIBUTE) != null) {
      throw new InvalidRequestException(
          "The query string is malformed: each % must start a two-digit hexadecimal escape.");
    }
  }
}
