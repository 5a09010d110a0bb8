package io.mdmhub.cancellation;

import io.mdmhub.batches.Batch;
import io.mdmhub.batches.BatchState;
import io.mdmhub.hub.Account;
import io.mdmhub.hub.Repository;
import io.mdmhub.hub.Source;
import io.mdmhub.hub.Universe;
import io.mdmhub.security.AuthScheme;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test data and locks for the in-container tests. Its methods join the caller's transaction, so a
 * lock taken inside a test's UserTransaction lasts until the test ends it.
 */
@Stateless
public class CancellationTestData {

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  /** Creates an account, a repository and a universe with source SF; returns its caller. */
  public HubCaller createTenant(String universeId) {
    String accountId = "arq-" + UUID.randomUUID().toString().substring(0, 8);
    String repositoryId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    em.persist(new Account(accountId, now));
    em.flush();
    Repository repository = new Repository(repositoryId, accountId, "main", now);
    repository.replaceTokenHash("0".repeat(64), now);
    em.persist(repository);
    em.flush();
    Universe universe = new Universe(universeId, repositoryId, now);
    universe.define("contacts", "contact", 200, List.of("name"));
    em.persist(universe);
    em.flush();
    Source source = new Source(universeId, "SF", now);
    source.configure(true, Source.Incorporation.PAUSED);
    em.persist(source);
    return new HubCaller("arquillian", accountId, repositoryId, AuthScheme.BASIC);
  }

  /** Inserts enriched batches of source SF and returns the universe's batch ids, oldest first. */
  public List<Long> insertEnriched(String universeId, int count) {
    for (int i = 0; i < count; i++) {
      em.persist(new Batch(universeId, "SF", "BASIC", "arquillian", 1, Instant.now()));
    }
    em.flush();
    em.createQuery("UPDATE Batch b SET b.state = :state WHERE b.universeId = :universeId")
        .setParameter("state", BatchState.ENRICHED)
        .setParameter("universeId", universeId)
        .executeUpdate();
    return em.createQuery(
            "SELECT b.id FROM Batch b WHERE b.universeId = :universeId ORDER BY b.id", Long.class)
        .setParameter("universeId", universeId)
        .getResultList();
  }

  public void lockBatch(long batchId) {
    em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
  }

  public void lockGuard(String universeId, String sourceCode) {
    em.find(
        CancellationGuard.class,
        new CancellationGuard.Key(universeId, sourceCode),
        LockModeType.PESSIMISTIC_WRITE);
  }

  /** Returns the newest job of the universe, or null. */
  public CancellationJob latestJob(String universeId) {
    List<CancellationJob> jobs =
        em.createQuery(
                "SELECT j FROM CancellationJob j WHERE j.universeId = :universeId"
                    + " ORDER BY j.requestedAt DESC",
                CancellationJob.class)
            .setParameter("universeId", universeId)
            .setMaxResults(1)
            .getResultList();
    return jobs.isEmpty() ? null : jobs.get(0);
  }
}
