package io.mdmhub.admin;

import io.mdmhub.errors.ConflictException;
import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.errors.NotFoundException;
import io.mdmhub.hub.Account;
import io.mdmhub.hub.Identifiers;
import io.mdmhub.hub.Repository;
import io.mdmhub.hub.Source;
import io.mdmhub.hub.SourceResumed;
import io.mdmhub.hub.Universe;
import io.mdmhub.operations.PendingBatchGauges;
import io.mdmhub.platform.Timestamps;
import io.mdmhub.security.TokenHasher;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Creates and changes accounts, repositories, universes and sources for the operator. */
@Stateless
public class AdminService {

  private static final Logger LOG = Logger.getLogger(AdminService.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject TokenHasher hasher;
  @Inject Event<SourceResumed> sourceResumed;
  @Inject PendingBatchGauges pendingGauges;

  /** The outcome of an idempotent write: the entity and whether this call created it. */
  public record Outcome<T>(T value, boolean created) {}

  /** A repository with the token that was just issued for it. */
  public record IssuedToken(Repository repository, String token) {}

  public Outcome<Account> putAccount(String accountId) {
    if (!Identifiers.isAccountId(accountId)) {
      throw new InvalidRequestException(
          "The account id '"
              + accountId
              + "' is invalid: use 1 to 64 letters, digits, '_' or '-'.");
    }
    Account existing = em.find(Account.class, accountId);
    if (existing != null) {
      return new Outcome<>(existing, false);
    }
    Account account = new Account(accountId, Timestamps.now());
    em.persist(account);
    // Entities carry ids rather than relationships, so EclipseLink cannot order inserts by
    // foreign key: each parent is flushed before a child may refer to it.
    em.flush();
    LOG.log(Level.INFO, "Account {0} created", accountId);
    return new Outcome<>(account, true);
  }

  public IssuedToken createRepository(String accountId, String name) {
    if (em.find(Account.class, accountId) == null) {
      throw new NotFoundException("An account with id '" + accountId + "' does not exist.");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequestException(
          "The repository name is missing or longer than 200 characters.");
    }
    String trimmed = name.strip();
    boolean taken =
        !em.createNamedQuery("Repository.byAccountAndName", Repository.class)
            .setParameter("accountId", accountId)
            .setParameter("name", trimmed)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new ConflictException(
          "A repository named '" + trimmed + "' already exists in account '" + accountId + "'.");
    }
    Instant now = Timestamps.now();
    Repository repository = new Repository(UUID.randomUUID().toString(), accountId, trimmed, now);
    String token = hasher.newToken();
    repository.replaceTokenHash(hasher.hash(token), now);
    em.persist(repository);
    em.flush();
    LOG.log(
        Level.INFO,
        "Repository {0} created in account {1}",
        new Object[] {repository.getId(), accountId});
    return new IssuedToken(repository, token);
  }

  public Repository repository(String repositoryId) {
    Repository repository = em.find(Repository.class, repositoryId);
    if (repository == null) {
      throw NotFoundException.repository(repositoryId);
    }
    return repository;
  }

  /** Issues a new token for a repository; the previous one stops working when this commits. */
  public IssuedToken regenerateToken(String repositoryId) {
    Repository repository = repository(repositoryId);
    String token = hasher.newToken();
    repository.replaceTokenHash(hasher.hash(token), Timestamps.now());
    LOG.log(Level.INFO, "Token of repository {0} regenerated", repositoryId);
    return new IssuedToken(repository, token);
  }

  public Outcome<Universe> putUniverse(
      String repositoryId,
      String universeId,
      String name,
      String entityName,
      int maxBatchSize,
      List<String> fields) {
    Repository repository = repository(repositoryId);
    if (!Identifiers.isUuid(universeId)) {
      throw new InvalidRequestException("The universe id '" + universeId + "' is not a UUID.");
    }
    String id = Identifiers.canonicalUuid(universeId);
    Universe universe = em.find(Universe.class, id);
    boolean created = universe == null;
    if (created) {
      universe = new Universe(id, repository.getId(), Timestamps.now());
    } else if (!universe.getRepositoryId().equals(repository.getId())) {
      throw new ConflictException(
          "The universe id '" + universeId + "' is already used by another repository.");
    }
    universe.define(name, entityName, maxBatchSize, fields);
    if (created) {
      em.persist(universe);
      em.flush();
      LOG.log(
          Level.INFO, "Universe {0} created in repository {1}", new Object[] {id, repositoryId});
    }
    return new Outcome<>(universe, created);
  }

  public Outcome<Source> putSource(
      String universeId,
      String sourceCode,
      boolean allowContribute,
      Source.Incorporation incorporation) {
    Universe universe =
        Identifiers.isUuid(universeId)
            ? em.find(Universe.class, Identifiers.canonicalUuid(universeId))
            : null;
    if (universe == null) {
      throw NotFoundException.universe(universeId);
    }
    if (!Identifiers.isSourceCode(sourceCode)) {
      throw new InvalidRequestException(
          "The source code '"
              + sourceCode
              + "' is invalid: use 1 to 50 letters, digits, '_' or '-'.");
    }
    Source source = em.find(Source.class, new Source.Key(universe.getId(), sourceCode));
    boolean created = source == null;
    if (created) {
      source = new Source(universe.getId(), sourceCode, Timestamps.now());
    }
    boolean resumed =
        source.getIncorporation() == Source.Incorporation.PAUSED
            && incorporation == Source.Incorporation.RUNNING;
    source.configure(allowContribute, incorporation);
    if (resumed) {
      // Observed after this transaction commits: the source's waiting batches are incorporated.
      sourceResumed.fire(new SourceResumed(universe.getId(), sourceCode));
    }
    if (created) {
      em.persist(source);
      em.flush();
      pendingGauges.register(universe.getId(), sourceCode);
      LOG.log(
          Level.INFO,
          "Source {0} attached to universe {1}",
          new Object[] {sourceCode, universe.getId()});
    }
    return new Outcome<>(source, created);
  }
}
