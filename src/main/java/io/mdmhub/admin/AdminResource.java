package io.mdmhub.admin;

import io.mdmhub.audit.AuditAction;
import io.mdmhub.audit.Audited;
import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.hub.Account;
import io.mdmhub.hub.Source;
import io.mdmhub.hub.Universe;
import io.mdmhub.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hub administration under {@code /mdm/admin}: accounts, repositories and their tokens, universes
 * and sources. {@code PUT} is idempotent: 201 when it created, 200 otherwise.
 */
@Path("admin")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

  /** Names of universes, entity elements and fields: an XML name without a colon. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

  private static final int DEFAULT_MAX_BATCH_SIZE = 200;
  private static final int MAX_ALLOWED_BATCH_SIZE = 100_000;

  @Inject AdminService admin;

  @Context UriInfo uriInfo;

  @PUT
  @Path("accounts/{accountId}")
  @Audited(AuditAction.ACCOUNT_PUT)
  public Response putAccount(@PathParam("accountId") String accountId) {
    AdminService.Outcome<Account> outcome = admin.putAccount(accountId);
    return xml(outcome.created(), new AdminViews.AccountXml(outcome.value().getId()));
  }

  @POST
  @Path("accounts/{accountId}/repositories")
  @Audited(AuditAction.REPOSITORY_CREATE)
  public Response createRepository(@PathParam("accountId") String accountId, InputStream body) {
    AdminXml.Element root = AdminXml.read(body, "repository");
    String name = root == null ? null : root.attribute("name");
    AdminService.IssuedToken issued = admin.createRepository(accountId, name);
    URI location =
        uriInfo
            .getBaseUriBuilder()
            .path("admin/repositories/{id}")
            .build(issued.repository().getId());
    return Response.created(location)
        .type(MediaType.APPLICATION_XML_TYPE)
        .entity(new AdminViews.RepositoryXml(issued.repository(), issued.token()))
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("repositories/{repositoryId}")
  public Response repository(@PathParam("repositoryId") String repositoryId) {
    return Response.ok(new AdminViews.RepositoryXml(admin.repository(repositoryId), null))
        .type(MediaType.APPLICATION_XML_TYPE)
        .build();
  }

  @POST
  @Path("repositories/{repositoryId}/token")
  @Audited(AuditAction.TOKEN_REGENERATE)
  public Response regenerateToken(@PathParam("repositoryId") String repositoryId) {
    AdminService.IssuedToken issued = admin.regenerateToken(repositoryId);
    return Response.ok(new AdminViews.RepositoryXml(issued.repository(), issued.token()))
        .type(MediaType.APPLICATION_XML_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  @PUT
  @Path("repositories/{repositoryId}/universes/{universeId}")
  @Audited(AuditAction.UNIVERSE_PUT)
  public Response putUniverse(
      @PathParam("repositoryId") String repositoryId,
      @PathParam("universeId") String universeId,
      InputStream body) {
    AdminXml.Element root = AdminXml.read(body, "universe");
    if (root == null) {
      throw new InvalidRequestException("The body must be a 'universe' element.");
    }
    String name = requireName(root.attribute("name"), "universe name");
    String entity = requireName(root.attribute("entity"), "entity element name");
    int maxBatchSize = maxBatchSize(root.attribute("maxBatchSize"));
    List<String> fields = new ArrayList<>();
    for (AdminXml.Element child : root.children()) {
      if (!child.name().equals("field")) {
        throw new InvalidRequestException(
            "A universe contains only 'field' elements, not '" + child.name() + "'.");
      }
      String field = requireName(child.attribute("name"), "field name");
      if (field.equals("id") || fields.contains(field)) {
        throw new InvalidRequestException(
            "The field name '" + field + "' is reserved or given twice.");
      }
      fields.add(field);
    }
    AdminService.Outcome<Universe> outcome =
        admin.putUniverse(repositoryId, universeId, name, entity, maxBatchSize, fields);
    return xml(outcome.created(), new AdminViews.UniverseXml(outcome.value()));
  }

  @PUT
  @Path("universes/{universeId}/sources/{sourceCode}")
  @Audited(AuditAction.SOURCE_PUT)
  public Response putSource(
      @PathParam("universeId") String universeId,
      @PathParam("sourceCode") String sourceCode,
      InputStream body) {
    AdminXml.Element root = AdminXml.read(body, "source");
    boolean allowContribute =
        parseBoolean(root == null ? null : root.attribute("allowContribute"), "allowContribute");
    Source.Incorporation incorporation =
        incorporation(root == null ? null : root.attribute("incorporation"));
    AdminService.Outcome<Source> outcome =
        admin.putSource(universeId, sourceCode, allowContribute, incorporation);
    return xml(outcome.created(), new AdminViews.SourceXml(outcome.value()));
  }

  private static Response xml(boolean created, Object entity) {
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
        .type(MediaType.APPLICATION_XML_TYPE)
        .entity(entity)
        .build();
  }

  private static String requireName(String value, String description) {
    if (value == null) {
      throw new InvalidRequestException("The " + description + " is missing.");
    }
    if (!NAME.matcher(value).matches()) {
      throw new InvalidRequestException(
          "The "
              + description
              + " '"
              + value
              + "' is invalid: use up to 100 letters, digits, '_', '.' or '-', starting with a"
              + " letter or '_'.");
    }
    return value;
  }

  private static int maxBatchSize(String value) {
    if (value == null) {
      return DEFAULT_MAX_BATCH_SIZE;
    }
    try {
      int size = Integer.parseInt(value.trim());
      if (size >= 1 && size <= MAX_ALLOWED_BATCH_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    throw new InvalidRequestException(
        "The maxBatchSize '"
            + value
            + "' is invalid: use a whole number from 1 to "
            + MAX_ALLOWED_BATCH_SIZE
            + ".");
  }

  private static boolean parseBoolean(String value, String description) {
    if (value == null) {
      return true;
    }
    return switch (value.trim()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidRequestException(
              "The " + description + " value '" + value + "' is invalid: use true or false.");
    };
  }

  private static Source.Incorporation incorporation(String value) {
    if (value == null) {
      return Source.Incorporation.RUNNING;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "running" -> Source.Incorporation.RUNNING;
      case "paused" -> Source.Incorporation.PAUSED;
      default ->
          throw new InvalidRequestException(
              "The incorporation value '" + value + "' is invalid: use running or paused.");
    };
  }
}
