package io.mdmhub.batches;

import io.mdmhub.operations.MeteredOutcome;
import io.mdmhub.reporting.BatchHistoryService;
import io.mdmhub.reporting.BatchHistoryXml;
import io.mdmhub.security.Callers;
import io.mdmhub.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;

/**
 * Update Golden Records, {@code POST /mdm/universes/{universeId}/records}, Get Batch Update Status,
 * {@code GET /mdm/universes/{universeId}/records/updates/{batchId}}, and Query Batch History,
 * {@code POST /mdm/universes/{universeId}/records/updates}. They share one resource class because
 * JAX-RS picks a single root class per request, and a second class at {@code records/updates} would
 * hide the status path below it.
 */
@Path("universes/{universeId}/records")
@RequestScoped
public class StagingResource {

  @Inject StagingService staging;
  @Inject BatchHistoryService history;

  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  /** Stages a batch and responds 202 with the batch's URL as plain text. */
  @POST
  @RolesAllowed(Roles.BATCH_MANAGEMENT)
  @MeteredOutcome(MeteredOutcome.Operation.STAGING)
  public Response stage(
      @PathParam("universeId") String universeId,
      @QueryParam("repositoryId") String repositoryId,
      InputStream body) {
    Batch batch = staging.stage(Callers.of(security), repositoryId, universeId, body);
    URI location =
        uriInfo
            .getBaseUriBuilder()
            .path("universes/{universeId}/records/updates/{batchId}")
            .build(batch.getUniverseId(), batch.getId());
    return Response.accepted(location.toString())
        .type(MediaType.TEXT_PLAIN_TYPE)
        .location(location)
        .build();
  }

  /** Returns the status of one batch of the universe. */
  @GET
  @Path("updates/{batchId}")
  @RolesAllowed({Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING})
  public Response status(
      @PathParam("universeId") String universeId,
      @PathParam("batchId") String batchId,
      @QueryParam("repositoryId") String repositoryId) {
    Batch batch = staging.batch(Callers.of(security), repositoryId, universeId, batchId);
    return Response.ok(BatchXmlView.of(batch)).type(MediaType.APPLICATION_XML_TYPE).build();
  }

  /** Returns one page of the universe's batches matching the query body, newest first. */
  @POST
  @Path("updates")
  @RolesAllowed({Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING})
  public Response history(
      @PathParam("universeId") String universeId,
      @QueryParam("repositoryId") String repositoryId,
      InputStream body) {
    BatchHistoryXml page = history.history(Callers.of(security), repositoryId, universeId, body);
    return Response.ok(page).type(MediaType.APPLICATION_XML_TYPE).build();
  }
}
