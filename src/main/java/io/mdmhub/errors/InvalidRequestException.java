package io.mdmhub.errors;

import jakarta.ws.rs.core.Response;

/** A request whose parameters or body are invalid: 400. */
public class InvalidRequestException extends HubException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String... messages) {
    super(Response.Status.BAD_REQUEST, messages);
  }

  public static InvalidRequestException blankUniverseId() {
    return new InvalidRequestException("The given universe id is blank.");
  }

  public static InvalidRequestException blankSourceId() {
    return new InvalidRequestException("The given source id is blank.");
  }

  public static InvalidRequestException blankRepositoryId() {
    return new InvalidRequestException("The given repository id is blank.");
  }

  public static InvalidRequestException missingRepositoryId() {
    return new InvalidRequestException("The repository id is required.");
  }
}
