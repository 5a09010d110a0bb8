package io.mdmhub.errors;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes any other failure as 500 with a correlation id that is also logged with the stack trace,
 * so the client never sees internals. Exceptions wrapped by the EJB container are unwrapped first
 * and mapped as their cause.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof HubException hub) {
      return new HubExceptionMapper().toResponse(hub);
    }
    if (cause instanceof WebApplicationException web) {
      return new WebApplicationExceptionMapper().toResponse(web);
    }
    if (cause instanceof EJBAccessException) {
      return ErrorResponses.builder(
              Response.Status.FORBIDDEN, List.of(WebApplicationExceptionMapper.FORBIDDEN))
          .build();
    }
    return internalError(exception);
  }

  static Response internalError(Throwable exception) {
    String correlationId = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, correlation id " + correlationId, exception);
    return ErrorResponses.builder(
            Response.Status.INTERNAL_SERVER_ERROR,
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
