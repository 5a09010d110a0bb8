package io.mdmhub.errors;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Base of every expected failure the API reports: it carries the HTTP status and the messages of
 * the XML {@code <error>} body. Being an application exception, it rolls back the current
 * transaction and reaches the caller unwrapped from a stateless bean.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class HubException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Response.StatusType status;
  private final List<String> messages;

  protected HubException(Response.StatusType status, String... messages) {
    super(String.join(" ", messages));
    this.status = status;
    this.messages = List.of(messages);
  }

  public Response.StatusType getStatus() {
    return status;
  }

  public List<String> getMessages() {
    return messages;
  }
}
