package io.mdmhub.audit;

import io.mdmhub.hub.Identifiers;
import io.mdmhub.hub.Repository;
import io.mdmhub.hub.Universe;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes and reads the audit trail in the database. */
@Stateless
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  /**
   * Stores an event in a transaction of its own, so a request that rolls back is still recorded.
   * When the event names no account, it takes the account of its repository or universe.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(AuditEvent event) {
    event.accountIfUnknown(accountOf(event.getRepositoryId(), event.getUniverseId()));
    em.persist(event);
    LOG.log(
        Level.INFO,
        "Audit: request {0}, {1} {2} ({3}) by {4} ({5}) on account {6}, repository {7},"
            + " universe {8}, source {9}, job {10}",
        new Object[] {
          event.getRequestId(),
          event.getAction(),
          event.getOutcome(),
          event.getStatus(),
          event.getCaller(),
          event.getAuthScheme(),
          event.getAccountId(),
          event.getRepositoryId(),
          event.getUniverseId(),
          event.getSourceCode(),
          event.getJobId()
        });
  }

  private String accountOf(String repositoryId, String universeId) {
    String repository = repositoryId;
    if (repository == null && universeId != null && Identifiers.isUuid(universeId)) {
      Universe universe = em.find(Universe.class, Identifiers.canonicalUuid(universeId));
      repository = universe == null ? null : universe.getRepositoryId();
    }
    Repository found = repository == null ? null : em.find(Repository.class, repository);
    return found == null ? null : found.getAccountId();
  }

  /**
   * Returns up to {@code limit + 1} events matching the filter, newest first, starting below the id
   * {@code beforeId} when it is not null. Every filter may be null.
   */
  public List<AuditEvent> events(
      String accountId, Instant from, Instant to, Long beforeId, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object[]> parameters = new ArrayList<>();
    condition(where, parameters, "e.accountId = :accountId", "accountId", accountId);
    condition(where, parameters, "e.occurredAt >= :from", "from", from);
    condition(where, parameters, "e.occurredAt <= :to", "to", to);
    condition(where, parameters, "e.id < :beforeId", "beforeId", beforeId);
    TypedQuery<AuditEvent> query =
        em.createQuery(
            "SELECT e FROM AuditEvent e" + where + " ORDER BY e.id DESC", AuditEvent.class);
    for (Object[] parameter : parameters) {
      query.setParameter((String) parameter[0], parameter[1]);
    }
    return query.setMaxResults(limit + 1).getResultList();
  }

  /** Returns the number of events matching the filter, ignoring paging. */
  public long count(String accountId, Instant from, Instant to) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object[]> parameters = new ArrayList<>();
    condition(where, parameters, "e.accountId = :accountId", "accountId", accountId);
    condition(where, parameters, "e.occurredAt >= :from", "from", from);
    condition(where, parameters, "e.occurredAt <= :to", "to", to);
    TypedQuery<Long> query =
        em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
    for (Object[] parameter : parameters) {
      query.setParameter((String) parameter[0], parameter[1]);
    }
    return query.getSingleResult();
  }

  private static void condition(
      StringBuilder where, List<Object[]> parameters, String clause, String name, Object value) {
    if (value != null) {
      where.append(" AND ").append(clause);
      parameters.add(new Object[] {name, value});
    }
  }
}
