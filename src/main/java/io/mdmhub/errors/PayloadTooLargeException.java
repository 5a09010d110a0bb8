package io.mdmhub.errors;

import jakarta.ws.rs.core.Response;

/** A request body over the configured maximum size: 413. */
public class PayloadTooLargeException extends HubException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(long maxBytes) {
    super(
        Response.Status.REQUEST_ENTITY_TOO_LARGE,
        "The request body exceeds the maximum size of " + maxBytes + " bytes.");
  }
}
