package io.mdmhub.hub;

import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.errors.NotFoundException;
import io.mdmhub.security.AuthScheme;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Resolves the repository, universe and source a request names, on behalf of its caller. It runs
 * every 400 check before any 404 check, and reports a universe of another repository or account
 * exactly like one that does not exist.
 */
@Stateless
public class HubDirectory {

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  /**
   * Checks the identifiers of a request for blank values: universe, then source (when the operation
   * takes one), then repository.
   */
  public static void requireNotBlank(
      HubCaller caller, String repositoryId, String universeId, String sourceCode) {
    if (universeId == null || Identifiers.isBlank(universeId)) {
      throw InvalidRequestException.blankUniverseId();
    }
    if (sourceCode != null && Identifiers.isBlank(sourceCode)) {
      throw InvalidRequestException.blankSourceId();
    }
    requireRepositoryId(caller, repositoryId);
  }

  /** Checks the {@code repositoryId} parameter: required with a JWT, never blank. */
  public static void requireRepositoryId(HubCaller caller, String repositoryId) {
    if (repositoryId == null && caller.getScheme() == AuthScheme.BEARER) {
      throw InvalidRequestException.missingRepositoryId();
    }
    if (repositoryId != null && Identifiers.isBlank(repositoryId)) {
      throw InvalidRequestException.blankRepositoryId();
    }
  }

  /** Returns the repository the caller acts on: its Basic token's or the one it named. */
  public Repository repository(HubCaller caller, String repositoryId) {
    String id = repositoryId == null ? caller.getTokenRepositoryId() : repositoryId;
    if (caller.getTokenRepositoryId() != null && !caller.getTokenRepositoryId().equals(id)) {
      throw NotFoundException.repository(id);
    }
    Repository repository = id == null ? null : em.find(Repository.class, id);
    if (repository == null || !repository.getAccountId().equals(caller.getAccountId())) {
      throw NotFoundException.repository(id);
    }
    return repository;
  }

  public Universe universe(HubCaller caller, String repositoryId, String universeId) {
    requireNotBlank(caller, repositoryId, universeId, null);
    Repository repository = repository(caller, repositoryId);
    if (!Identifiers.isUuid(universeId)) {
      throw NotFoundException.universe(universeId);
    }
    Universe universe = em.find(Universe.class, Identifiers.canonicalUuid(universeId));
    if (universe == null || !universe.getRepositoryId().equals(repository.getId())) {
      throw NotFoundException.universeDefinition(universeId);
    }
    return universe;
  }

  public SourceTarget source(
      HubCaller caller, String repositoryId, String universeId, String sourceCode) {
    requireNotBlank(caller, repositoryId, universeId, sourceCode);
    Universe universe = universe(caller, repositoryId, universeId);
    Source source = findSource(universe, sourceCode);
    if (source == null) {
      throw NotFoundException.source(universeId, sourceCode);
    }
    return new SourceTarget(universe, source);
  }

  /** Returns the source with this code in the universe, or null. */
  public Source findSource(Universe universe, String sourceCode) {
    if (!Identifiers.isSourceCode(sourceCode)) {
      return null;
    }
    return em.find(Source.class, new Source.Key(universe.getId(), sourceCode));
  }
}
