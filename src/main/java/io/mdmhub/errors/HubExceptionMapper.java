package io.mdmhub.errors;

import io.mdmhub.operations.CurrentRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link HubException} as its status with the XML error body. */
@Provider
public class HubExceptionMapper implements ExceptionMapper<HubException> {

  @Inject CurrentRequest request;

  @Override
  public Response toResponse(HubException exception) {
    return response(exception, request.requestId());
  }

  static Response response(HubException exception, String requestId) {
    return ErrorResponses.builder(exception.getStatus(), requestId, exception.getMessages())
        .build();
  }
}
