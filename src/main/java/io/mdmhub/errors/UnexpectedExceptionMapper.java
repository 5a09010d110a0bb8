package io.mdmhub.errors;

import io.mdmhub.operations.CurrentRequest;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes any other failure as 500 with the request's correlation id, which is also logged with the
 * stack trace, so the client never sees internals. Exceptions wrapped by the EJB container are
 * unwrapped first and mapped as their cause.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject CurrentRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String requestId = request.requestId();
    Throwable cause = unwrap(exception);
    if (cause instanceof HubException hub) {
      return HubExceptionMapper.response(hub, requestId);
    }
    if (cause instanceof WebApplicationException web) {
      return WebApplicationExceptionMapper.response(web, requestId);
    }
    if (cause instanceof EJBAccessException) {
      return ErrorResponses.builder(
              Response.Status.FORBIDDEN,
              requestId,
              List.of(WebApplicationExceptionMapper.FORBIDDEN))
          .build();
    }
    return internalError(exception, requestId);
  }

  static Response internalError(Throwable exception, String correlationId) {
    LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, exception);
    return ErrorResponses.builder(
            Response.Status.INTERNAL_SERVER_ERROR,
            correlationId,
            List.of(
                "An unexpected error occurred. Quote correlation id "
                    + correlationId
                    + " when reporting it."))
        .header("X-Correlation-Id", correlationId)
        .build();
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof EJBException
        && !(current instanceof EJBAccessException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
