package io.mdmhub.errors;

import io.mdmhub.operations.CurrentRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the JAX-RS runtime's own failures (no matching path, method not allowed, a missing role)
 * with the XML error body, keeping their status and the {@code Allow} header.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final List<String> ALLOW_ORDER =
      List.of("HEAD", "GET", "POST", "PUT", "PATCH", "DELETE");

  static final String FORBIDDEN = "You do not have permissions to access this resource.";

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Inject CurrentRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    return response(exception, request.requestId());
  }

  static Response response(WebApplicationException exception, String requestId) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return UnexpectedExceptionMapper.internalError(exception, requestId);
    }
    Response.ResponseBuilder response =
        ErrorResponses.builder(
            original.getStatusInfo(), requestId, List.of(message(exception, status)));
    String allow = allowedMethods(original);
    if (allow != null) {
      response.header(HttpHeaders.ALLOW, allow);
    }
    LOG.log(Level.FINE, "Request failed with status {0}: {1}", new Object[] {status, exception});
    return response.build();
  }

  private static String message(WebApplicationException exception, int status) {
    if (exception instanceof ForbiddenException) {
      return FORBIDDEN;
    }
    if (exception instanceof NotAllowedException) {
      String allow = allowedMethods(exception.getResponse());
      return "The HTTP method is not allowed for this resource. Allowed methods: " + allow + ".";
    }
    return switch (status) {
      case 404 -> "No resource exists at this path.";
      case 406 -> "The requested media type is not available. This resource returns XML.";
      case 415 -> "The request's content type is not supported. Send the body as XML.";
      default -> "The request failed: " + original(exception) + ".";
    };
  }

  /**
   * Returns the {@code Allow} header in a fixed order, without OPTIONS, which the JAX-RS runtime
   * adds on its own: the API documents only the methods of each resource. HEAD is listed wherever
   * GET is, because JAX-RS serves HEAD for every GET method, though not every runtime lists it.
   */
  private static String allowedMethods(Response response) {
    String allow = response.getHeaderString(HttpHeaders.ALLOW);
    if (allow == null) {
      return null;
    }
    Set<String> methods = new HashSet<>();
    for (String method : allow.split(",")) {
      methods.add(method.trim().toUpperCase(Locale.ROOT));
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    List<String> ordered = new ArrayList<>();
    for (String method : ALLOW_ORDER) {
      if (methods.contains(method)) {
        ordered.add(method);
      }
    }
    return String.join(", ", ordered);
  }

  private static String original(WebApplicationException exception) {
    return exception.getResponse().getStatusInfo().getReasonPhrase();
  }
}
