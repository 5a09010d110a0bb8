package io.mdmhub.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link HubException} as its status with the XML error body. */
@Provider
public class HubExceptionMapper implements ExceptionMapper<HubException> {

  @Override
  public Response toResponse(HubException exception) {
    return ErrorResponses.builder(exception.getStatus(), exception.getMessages()).build();
  }
}
