package io.mdmhub.cancellation;

import io.mdmhub.audit.AuditAction;
import io.mdmhub.audit.Audited;
import io.mdmhub.operations.MeteredOutcome;
import io.mdmhub.security.Callers;
import io.mdmhub.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Cancel Pending Batches and its job resource, under {@code
 * /mdm/universes/{universeId}/sources/{sourceId}/cancelPendingBatches}. Any request body is
 * ignored, whatever its content type.
 */
@Path("universes/{universeId}/sources/{sourceId}/cancelPendingBatches")
@RequestScoped
public class CancelPendingBatchesResource {

  @Inject CancellationService cancellation;

  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  /** Registers a cancellation job and responds 202 with its description and location. */
  @POST
  @RolesAllowed(Roles.BATCH_MANAGEMENT)
  @Audited(AuditAction.CANCEL_REQUEST)
  @MeteredOutcome(MeteredOutcome.Operation.CANCEL)
  public Response cancel(
      @PathParam("universeId") String universeId,
      @PathParam("sourceId") String sourceId,
      @QueryParam("repositoryId") String repositoryId) {
    CancellationJob job =
        cancellation.request(Callers.of(security), repositoryId, universeId, sourceId);
    UriBuilder location = uriInfo.getAbsolutePathBuilder().path("{jobId}");
    if (repositoryId != null) {
      location.queryParam("repositoryId", "{repositoryId}");
    }
    URI uri =
        repositoryId == null
            ? location.build(job.getId())
            : location.build(job.getId(), repositoryId);
    return Response.accepted(CancellationJobXml.of(job))
        .type(MediaType.APPLICATION_XML_TYPE)
        .location(uri)
        .build();
  }

  /** Reads a cancellation job of the pair. */
  @GET
  @Path("{jobId}")
  @RolesAllowed({Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING})
  public Response job(
      @PathParam("universeId") String universeId,
      @PathParam("sourceId") String sourceId,
      @PathParam("jobId") String jobId,
      @QueryParam("repositoryId") String repositoryId) {
    CancellationJob job =
        cancellation.job(Callers.of(security), repositoryId, universeId, sourceId, jobId);
    return Response.ok(CancellationJobXml.of(job)).type(MediaType.APPLICATION_XML_TYPE).build();
  }

  /** Rejects OPTIONS like every other method but POST: 405 with {@code Allow: POST}. */
  @OPTIONS
  @PermitAll
  public Response options(
      @PathParam("universeId") String universeId, @PathParam("sourceId") String sourceId) {
    throw new NotAllowedException("POST");
  }
}
