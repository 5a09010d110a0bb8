package io.mdmhub.admin;

import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.errors.NotFoundException;
import io.mdmhub.hub.Identifiers;
import io.mdmhub.security.DevTokenIssuer;
import io.mdmhub.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Development-only token issuer: {@code POST /mdm/admin/dev/token} returns a signed JWT as text. It
 * responds 404 unless {@code mdm.profile} is {@code dev}.
 */
@Path("admin/dev/token")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
public class DevTokenResource {

  private static final long MAX_TTL_SECONDS = 86_400;

  @Inject DevTokenIssuer issuer;

  @POST
  public Response issue(
      @QueryParam("sub") @DefaultValue("dev-user") String subject,
      @QueryParam("account") @DefaultValue("demo") String accountId,
      @QueryParam("groups") List<String> groups,
      @QueryParam("ttl") @DefaultValue("3600") long ttlSeconds) {
    if (!issuer.isEnabled()) {
      throw new NotFoundException("No resource exists at this path.");
    }
    if (subject.isBlank() || !Identifiers.isAccountId(accountId)) {
      throw new InvalidRequestException("The sub or account parameter is invalid.");
    }
    if (ttlSeconds < 60 || ttlSeconds > MAX_TTL_SECONDS) {
      throw new InvalidRequestException(
          "The ttl '" + ttlSeconds + "' is invalid: use 60 to " + MAX_TTL_SECONDS + " seconds.");
    }
    List<String> privileges = groups.isEmpty() ? List.of(Roles.BATCH_MANAGEMENT) : groups;
    String token = issuer.issue(subject, accountId, privileges, ttlSeconds);
    return Response.ok(token + "\n", MediaType.TEXT_PLAIN_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }
}
