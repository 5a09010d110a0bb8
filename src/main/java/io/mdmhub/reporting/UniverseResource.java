package io.mdmhub.reporting;

import io.mdmhub.security.Callers;
import io.mdmhub.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Get Deployed Universe, {@code GET /mdm/universes/{universeId}}, and the list of the caller's
 * universes, {@code GET /mdm/universes}. Both are read-only, so either hub privilege may call them.
 */
@Path("universes")
@RequestScoped
public class UniverseResource {

  @Inject UniverseService universes;

  @Context SecurityContext security;

  @GET
  @RolesAllowed({Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING})
  public Response list(@QueryParam("repositoryId") String repositoryId) {
    UniverseXml.Listing listing = universes.universes(Callers.of(security), repositoryId);
    return Response.ok(listing).type(MediaType.APPLICATION_XML_TYPE).build();
  }

  @GET
  @Path("{universeId}")
  @RolesAllowed({Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING})
  public Response universe(
      @PathParam("universeId") String universeId, @QueryParam("repositoryId") String repositoryId) {
    UniverseXml universe = universes.universe(Callers.of(security), repositoryId, universeId);
    return Response.ok(universe).type(MediaType.APPLICATION_XML_TYPE).build();
  }
}
