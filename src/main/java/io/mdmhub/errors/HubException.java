package io.mdmhub.errors;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Base of every expected failure the API reports: it carries the HTTP status and the messages of
 * the XML {@code <error>} body. Being an application exception, it reaches the caller unwrapped
 * from a stateless bean. It does not roll back: every check that throws it runs before the bean
 * writes anything, and a bean that must undo a write marks its transaction itself. Rolling back
 * would also make Liberty log an error for each 4xx that passes through a bean without a
 * transaction.
 */
@ApplicationException(rollback = false, inherited = true)
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
