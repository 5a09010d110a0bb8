package io.mdmhub.cancellation;

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
 * The cancellation jobs of a pair, newest first: {@code GET
 * /mdm/universes/{universeId}/sources/{sourceId}/cancellationJobs?offsetToken=&limit=}. It has a
 * path of its own because every method but POST on {@code cancelPendingBatches} returns 405.
 */
@Path("universes/{universeId}/sources/{sourceId}/cancellationJobs")
@RequestScoped
public class CancellationJobsResource {

  @Inject CancellationJobHistory history;

  @Context SecurityContext security;

  @GET
  @RolesAllowed({Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING})
  public Response jobs(
      @PathParam("universeId") String universeId,
      @PathParam("sourceId") String sourceId,
      @QueryParam("repositoryId") String repositoryId,
      @QueryParam("offsetToken") String offsetToken,
      @QueryParam("limit") String limit) {
    CancellationJobPageXml page =
        history.jobs(Callers.of(security), repositoryId, universeId, sourceId, offsetToken, limit);
    return Response.ok(page).type(MediaType.APPLICATION_XML_TYPE).build();
  }
}
