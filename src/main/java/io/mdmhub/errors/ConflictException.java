package io.mdmhub.errors;

import jakarta.ws.rs.core.Response;

/** A request that conflicts with the current state: 409. */
public class ConflictException extends HubException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String... messages) {
    super(Response.Status.CONFLICT, messages);
  }
}
