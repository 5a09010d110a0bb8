package io.mdmhub.audit;

import io.mdmhub.operations.CurrentRequest;
import io.mdmhub.platform.Timestamps;
import io.mdmhub.security.HubCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every response of a method marked {@link Audited}, including the errors the exception
 * mappers write. It reads only identifiers: the path, the caller, the job or repository the
 * response names and the error messages, never a body that may contain a token. A failure to record
 * is logged and does not change the response.
 */
@Provider
@Audited
public class AuditFilter implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(AuditFilter.class.getName());
  private static final Pattern MESSAGE = Pattern.compile("<message>([^<]*)</message>");

  @Inject AuditLog audit;
  @Inject CurrentRequest current;

  @Context ResourceInfo resource;
  @Context SecurityContext security;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = resource.getResourceMethod();
    Audited audited = method == null ? null : method.getAnnotation(Audited.class);
    if (audited == null) {
      return;
    }
    try {
      audit.record(event(audited.value(), request, response));
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Recording the audit event of request " + current.requestId() + " failed",
          e);
    }
  }

  private AuditEvent event(
      AuditAction action, ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
    int status = response.getStatus();
    AuditEvent event =
        new AuditEvent(Timestamps.now(), current.requestId(), action, status)
            .target(
                repositoryId(action, request, response),
                path.getFirst("universeId"),
                path.getFirst(action == AuditAction.SOURCE_PUT ? "sourceCode" : "sourceId"));
    Principal principal = security.getUserPrincipal();
    if (principal instanceof HubCaller caller) {
      event.caller(caller.getName(), caller.getScheme().name(), caller.getAccountId());
    } else if (principal != null) {
      event.caller(principal.getName(), "BASIC", path.getFirst("accountId"));
    }
    if (action == AuditAction.CANCEL_REQUEST && status == 202) {
      event.jobId(lastSegment(response.getLocation()));
    }
    if (status >= 400) {
      event.detail(messages(response.getEntity()));
    }
    return event;
  }

  private String repositoryId(
      AuditAction action, ContainerRequestContext request, ContainerResponseContext response) {
    String fromPath = request.getUriInfo().getPathParameters().getFirst("repositoryId");
    if (fromPath != null) {
      return fromPath;
    }
    if (action == AuditAction.REPOSITORY_CREATE && response.getStatus() == 201) {
      return lastSegment(response.getLocation());
    }
    String fromQuery = request.getUriInfo().getQueryParameters().getFirst("repositoryId");
    if (fromQuery != null) {
      return fromQuery;
    }
    return security.getUserPrincipal() instanceof HubCaller caller
        ? caller.getTokenRepositoryId()
        : null;
  }

  private static String lastSegment(URI location) {
    if (location == null || location.getPath() == null) {
      return null;
    }
    String path = location.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Returns the messages of an XML error body, unescaped and joined with a space. */
  static String messages(Object entity) {
    if (!(entity instanceof String body)) {
      return null;
    }
    List<String> messages = new ArrayList<>();
    Matcher matcher = MESSAGE.matcher(body);
    while (matcher.find()) {
      messages.add(
          matcher
              .group(1)
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&apos;", "'")
              .replace("&amp;", "&"));
    }
    return messages.isEmpty() ? null : String.join(" ", messages);
  }
}
