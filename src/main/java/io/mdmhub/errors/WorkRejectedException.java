package io.mdmhub.errors;

import jakarta.ws.rs.core.Response;

/** Background work the executor did not accept because it is saturated or shutting down: 503. */
public class WorkRejectedException extends HubException {

  private static final long serialVersionUID = 1L;

  public WorkRejectedException(String message) {
    super(Response.Status.SERVICE_UNAVAILABLE, message);
  }
}
