package io.mdmhub.audit;

import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.platform.Paging;
import io.mdmhub.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit trail for operators: {@code GET
 * /mdm/admin/audit?accountId=&from=&to=&limit=&offsetToken=}, newest first, at most {@link
 * Paging#MAX_LIMIT} events a page. {@code from} and {@code to} are inclusive ISO-8601 instants.
 */
@Path("admin/audit")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

  @Inject AuditLog audit;

  @GET
  public Response events(
      @QueryParam("accountId") String accountId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limitParameter,
      @QueryParam("offsetToken") String offsetToken) {
    Instant fromTime = instant("from", from);
    Instant toTime = instant("to", to);
    String account = accountId == null || accountId.isBlank() ? null : accountId.strip();
    int limit;
    Long beforeId = null;
    try {
      limit = Paging.limit(limitParameter);
      if (offsetToken != null && !offsetToken.isBlank()) {
        beforeId = Long.valueOf(Paging.keyOf(offsetToken, 1)[0]);
      }
    } catch (IllegalArgumentException e) {
      // NumberFormatException included: a token whose key is not a number was changed.
      throw new InvalidRequestException(
          e instanceof NumberFormatException
              ? Paging.invalidToken(offsetToken).getMessage()
              : e.getMessage());
    }

    long total = audit.count(account, fromTime, toTime);
    List<AuditEvent> rows = audit.events(account, fromTime, toTime, beforeId, limit);
    List<AuditEvent> page = rows.subList(0, Math.min(rows.size(), limit));
    String next =
        rows.size() > limit ? Paging.token(page.get(page.size() - 1).getId().toString()) : null;
    return Response.ok(new AuditPageXml(total, page, next))
        .type(MediaType.APPLICATION_XML_TYPE)
        .build();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "The "
              + name
              + " '"
              + value
              + "' is invalid: use an ISO-8601 instant in UTC, such as 2026-01-01T00:00:00Z.");
    }
  }
}
