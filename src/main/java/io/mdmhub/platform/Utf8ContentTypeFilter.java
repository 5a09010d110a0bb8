package io.mdmhub.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;

/**
 * Adds {@code charset=UTF-8} to XML and plain-text responses that do not name a charset. The bodies
 * are always UTF-8, and runtimes differ in whether they declare it (Liberty does, Payara does not).
 */
@Provider
public class Utf8ContentTypeFilter implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    if (type == null || type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)) {
      return;
    }
    if (type.isCompatible(MediaType.APPLICATION_XML_TYPE)
        || type.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
      response
          .getHeaders()
          .putSingle(
              HttpHeaders.CONTENT_TYPE, type.withCharset(StandardCharsets.UTF_8.name()).toString());
    }
  }
}
