package io.mdmhub.cancellation;

import io.mdmhub.batches.BatchState;
import io.mdmhub.hub.SourceTarget;
import io.mdmhub.platform.Databases;
import io.mdmhub.platform.NodeIdentity;
import io.mdmhub.platform.Timestamps;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers cancellation jobs and records their state changes. Every state change is a conditional
 * update on {@code state = RUNNING}, so a job ends exactly once, whichever of its runner and a
 * superseding request gets there first.
 */
@Stateless
public class CancellationRegistry {

  private static final Logger LOG = Logger.getLogger(CancellationRegistry.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject NodeIdentity node;

  /**
   * Lease of a running job. It is longer than the transaction timeout (120 s by default), so a live
   * job always commits or rolls back before another request may supersede it.
   */
  @Inject
  @ConfigProperty(name = "mdm.cancel.lease-seconds", defaultValue = "300")
  long leaseSeconds;

  /**
   * Creates the guard row of a pair if it does not exist yet. On PostgreSQL the insert ignores a
   * row that a simultaneous request created first; on Derby the loser's duplicate-key error reaches
   * the caller, which goes on to lock the winner's row.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void ensureGuard(String universeId, String sourceCode) {
    CancellationGuard.Key key = new CancellationGuard.Key(universeId, sourceCode);
    if (em.find(CancellationGuard.class, key) != null) {
      return;
    }
    if (Databases.isPostgresql(em)) {
      em.createNativeQuery(
              "INSERT INTO cancellation_guard (universe_id, source_code) VALUES (?1, ?2)"
                  + " ON CONFLICT DO NOTHING")
          .setParameter(1, universeId)
          .setParameter(2, sourceCode)
          .executeUpdate();
      return;
    }
    em.persist(new CancellationGuard(universeId, sourceCode));
    em.flush();
  }

  /**
   * Registers a new {@code RUNNING} job for the pair, or throws {@link
   * CancellationInProgressException} while another job holds its lease. A job whose lease expired
   * is marked {@code FAILED} and superseded.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public CancellationJob register(SourceTarget target, HubCaller caller) {
    CancellationGuard.Key key = new CancellationGuard.Key(target.universeId(), target.sourceCode());
    // The write lock on the guard row serializes requests for this pair until this commits.
    CancellationGuard guard = em.find(CancellationGuard.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (guard == null) {
      throw new IllegalStateException("No cancellation guard row for " + key);
    }
    if (guard.getCurrentJobId() != null) {
      supersedeIfExpired(guard.getCurrentJobId(), Timestamps.now());
    }
    // Read after the previous job's row, which can wait for that job's commit on Derby.
    Instant now = Timestamps.now();
    String jobId = target.universeId() + ":" + node.name() + ":" + UUID.randomUUID();
    CancellationJob job =
        new CancellationJob(
            jobId,
            target.universeId(),
            target.sourceCode(),
            node.name(),
            caller.getName(),
            caller.getScheme().name(),
            now,
            now.plus(Duration.ofSeconds(leaseSeconds)));
    em.persist(job);
    guard.setCurrentJobId(jobId);
    return job;
  }

  private void supersedeIfExpired(String currentJobId, Instant now) {
    CancellationJob current = em.find(CancellationJob.class, currentJobId);
    if (current == null || current.getState() != JobState.RUNNING) {
      return;
    }
    if (current.holdsLease(now)) {
      throw new CancellationInProgressException(current.getId());
    }
    String reason =
        "Superseded: the lease of node "
            + current.getNode()
            + " expired at "
            + Timestamps.format(current.getLeaseUntil())
            + " before the job finished.";
    if (endIfRunning(currentJobId, JobState.FAILED, reason, now) == 1) {
      LOG.log(
          Level.WARNING,
          "Cancellation job {0} of universe {1}, source {2} superseded: its lease expired",
          new Object[] {currentJobId, current.getUniverseId(), current.getSourceCode()});
    }
  }

  /** Extends a running job's lease from now; returns false when the job no longer runs. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean renewLease(String jobId) {
    return em.createQuery(
                "UPDATE CancellationJob j SET j.leaseUntil = :until"
                    + " WHERE j.id = :id AND j.state = :running")
            .setParameter("until", Timestamps.now().plus(Duration.ofSeconds(leaseSeconds)))
            .setParameter("id", jobId)
            .setParameter("running", JobState.RUNNING)
            .executeUpdate()
        == 1;
  }

  /** Records the start of a job; returns false when it no longer runs. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean markStarted(String jobId) {
    return em.createQuery(
                "UPDATE CancellationJob j SET j.startedAt = :now"
                    + " WHERE j.id = :id AND j.state = :running")
            .setParameter("now", Timestamps.now())
            .setParameter("id", jobId)
            .setParameter("running", JobState.RUNNING)
            .executeUpdate()
        == 1;
  }

  /** Marks a running job {@code FAILED} with the reason, in a transaction of its own. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void fail(String jobId, String reason) {
    endIfRunning(jobId, JobState.FAILED, reason, Timestamps.now());
  }

  /** Marks this node's running jobs {@code FAILED}: after a restart nothing runs them. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int failOrphans() {
    return em.createQuery(
            "UPDATE CancellationJob j SET j.state = :failed, j.endedAt = :now, j.message = :reason,"
                + " j.canceledCount = 0 WHERE j.node = :node AND j.state = :running")
        .setParameter("failed", JobState.FAILED)
        .setParameter("now", Timestamps.now())
        .setParameter("reason", "The node restarted before the job finished; nothing changed.")
        .setParameter("node", node.name())
        .setParameter("running", JobState.RUNNING)
        .executeUpdate();
  }

  /**
   * Ends a running job in the current transaction. It does not count the pair's pending batches,
   * because the failure may be a lock on those very rows, so a failed job has no pending count.
   * Returns 1 when it ended the job, 0 when it was no longer running.
   */
  int endIfRunning(String jobId, JobState state, String reason, Instant now) {
    return em.createQuery(
            "UPDATE CancellationJob j SET j.state = :state, j.endedAt = :now, j.message = :reason,"
                + " j.canceledCount = 0 WHERE j.id = :id AND j.state = :running")
        .setParameter("state", state)
        .setParameter("now", now)
        .setParameter("reason", truncate(reason))
        .setParameter("id", jobId)
        .setParameter("running", JobState.RUNNING)
        .executeUpdate();
  }

  public long countPending(String universeId, String sourceCode) {
    return em.createQuery(
            "SELECT COUNT(b) FROM Batch b WHERE b.universeId = :universeId"
                + " AND b.sourceCode = :sourceCode AND b.state IN :pending",
            Long.class)
        .setParameter("universeId", universeId)
        .setParameter("sourceCode", sourceCode)
        .setParameter("pending", BatchState.PENDING)
        .getSingleResult();
  }

  private static String truncate(String reason) {
    String text = reason == null ? "Unknown failure" : reason;
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
