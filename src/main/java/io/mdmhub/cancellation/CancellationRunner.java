package io.mdmhub.cancellation;

import io.mdmhub.batches.BatchState;
import io.mdmhub.operations.HubMetrics;
import io.mdmhub.platform.Databases;
import io.mdmhub.platform.Timestamps;
import io.mdmhub.platform.UtcInstantConverter;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a registered cancellation job on the background executor: it cancels up to {@code
 * mdm.cancel.max-batches} (10,000) pending batches of the pair, oldest first, and records the
 * outcome, all in one transaction.
 */
@Stateless
public class CancellationRunner {

  private static final Logger LOG = Logger.getLogger(CancellationRunner.class.getName());

  /** Ids per UPDATE statement; Derby compiles very long IN lists slowly or not at all. */
  private static final int CHUNK = 1000;

  /** The pending states as an SQL list, for example {@code ('PARSED', 'ENRICHED')}. */
  private static final String PENDING_STATES =
      BatchState.PENDING.stream()
          .map(state -> "'" + state.name() + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject CancellationRegistry registry;
  @Inject HubMetrics metrics;

  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "mdm.cancel.max-batches", defaultValue = "10000")
  int maxBatches;

  /**
   * Maximum wait for a row lock on PostgreSQL, where a statement otherwise waits until the
   * transaction times out. Derby uses its own {@code derby.locks.waitTimeout}.
   */
  @Inject
  @ConfigProperty(name = "mdm.cancel.lock-timeout-seconds", defaultValue = "30")
  int lockTimeoutSeconds;

  /** Runs a job to its end: {@code COMPLETED}, or {@code FAILED} with the error logged. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void execute(String jobId) {
    long started = System.nanoTime();
    try {
      if (!registry.markStarted(jobId)) {
        LOG.log(Level.INFO, "Cancellation job {0} no longer runs; not started", jobId);
        return;
      }
      // Through the business object, so cancelPending gets its own transaction.
      int canceled = context.getBusinessObject(CancellationRunner.class).cancelPending(jobId);
      metrics.jobEnded(true, canceled, Duration.ofNanos(System.nanoTime() - started));
    } catch (RuntimeException e) {
      metrics.jobEnded(false, 0, Duration.ofNanos(System.nanoTime() - started));
      LOG.log(Level.SEVERE, "Cancellation job " + jobId + " failed; no batch was changed", e);
      try {
        registry.fail(jobId, "The job failed and changed nothing: " + describe(e));
      } catch (RuntimeException recordFailure) {
        LOG.log(Level.SEVERE, "Recording the failure of job " + jobId + " failed", recordFailure);
      }
    }
  }

  /**
   * Cancels the pair's oldest pending batches and completes the job in the same transaction, so
   * either every change commits with the job's {@code COMPLETED} state or none does.
   *
   * @return the number of batches canceled
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int cancelPending(String jobId) {
    CancellationJob job = em.find(CancellationJob.class, jobId);
    limitLockWaits();
    LOG.log(
        Level.INFO,
        "Cancellation job {0} started for universe {1}, source {2}",
        new Object[] {jobId, job.getUniverseId(), job.getSourceCode()});
    int canceled = cancelOldestPending(job, Timestamps.now());
    long remaining = registry.countPending(job.getUniverseId(), job.getSourceCode());
    int ended =
        em.createQuery(
                "UPDATE CancellationJob j SET j.state = :completed, j.endedAt = :now,"
                    + " j.canceledCount = :canceled, j.pendingRemaining = :remaining"
                    + " WHERE j.id = :id AND j.state = :running")
            .setParameter("completed", JobState.COMPLETED)
            .setParameter("now", Timestamps.now())
            .setParameter("canceled", canceled)
            .setParameter("remaining", remaining)
            .setParameter("id", jobId)
            .setParameter("running", JobState.RUNNING)
            .executeUpdate();
    if (ended != 1) {
      throw new JobSupersededException(jobId);
    }
    LOG.log(
        Level.INFO,
        "Cancellation job {0} completed for universe {1}, source {2}: {3} canceled, {4} still"
            + " pending",
        new Object[] {jobId, job.getUniverseId(), job.getSourceCode(), canceled, remaining});
    return canceled;
  }

  /**
   * Cancels the pair's oldest pending batches, at most {@code maxBatches}. Every UPDATE re-checks
   * the state of each row, so a batch that left {@code PARSED} or {@code ENRICHED} after the pick
   * keeps its new state.
   */
  private int cancelOldestPending(CancellationJob job, Instant now) {
    return Databases.isPostgresql(em) ? cancelInOneStatement(job, now) : cancelInChunks(job, now);
  }

  /**
   * PostgreSQL: one statement. {@code ANY(ARRAY(subquery))} makes the pick an init plan that runs
   * once, so the update probes the primary key; with {@code IN (subquery)} the planner may
   * sequentially scan the whole table instead (measured in BENCHMARKS.md).
   */
  private int cancelInOneStatement(CancellationJob job, Instant now) {
    return em.createNativeQuery(
            "UPDATE batch SET state = ?1, canceled_by_job = ?2, ended_at = ?3, updated_at = ?3"
                + " WHERE state IN "
                + PENDING_STATES
                + " AND id = ANY(ARRAY(SELECT id FROM batch WHERE universe_id = ?4"
                + " AND source_code = ?5 AND state IN "
                + PENDING_STATES
                + " ORDER BY id LIMIT ?6))")
        .setParameter(1, BatchState.CANCELED.name())
        .setParameter(2, job.getId())
        .setParameter(3, new UtcInstantConverter().convertToDatabaseColumn(now))
        .setParameter(4, job.getUniverseId())
        .setParameter(5, job.getSourceCode())
        .setParameter(6, maxBatches)
        .executeUpdate();
  }

  /** Derby: reads the ids oldest first, then updates them in chunks of {@link #CHUNK}. */
  private int cancelInChunks(CancellationJob job, Instant now) {
    List<Long> ids =
        em.createQuery(
                "SELECT b.id FROM Batch b WHERE b.universeId = :universeId"
                    + " AND b.sourceCode = :sourceCode AND b.state IN :pending ORDER BY b.id",
                Long.class)
            .setParameter("universeId", job.getUniverseId())
            .setParameter("sourceCode", job.getSourceCode())
            .setParameter("pending", BatchState.PENDING)
            .setMaxResults(maxBatches)
            .getResultList();
    int canceled = 0;
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      canceled +=
          em.createQuery(
                  "UPDATE Batch b SET b.state = :canceled, b.canceledByJob = :jobId,"
                      + " b.endedAt = :now, b.updatedAt = :now"
                      + " WHERE b.id IN :ids AND b.state IN :pending")
              .setParameter("canceled", BatchState.CANCELED)
              .setParameter("jobId", job.getId())
              .setParameter("now", now)
              .setParameter("ids", chunk)
              .setParameter("pending", BatchState.PENDING)
              .executeUpdate();
    }
    return canceled;
  }

  /** Sets the PostgreSQL lock timeout for the rest of the current transaction. */
  private void limitLockWaits() {
    if (!Databases.isPostgresql(em)) {
      return;
    }
    try (Statement statement = em.unwrap(Connection.class).createStatement()) {
      statement.execute("SET LOCAL lock_timeout = '" + lockTimeoutSeconds + "s'");
    } catch (SQLException e) {
      throw new IllegalStateException("Setting the lock timeout failed: " + e.getMessage(), e);
    }
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
