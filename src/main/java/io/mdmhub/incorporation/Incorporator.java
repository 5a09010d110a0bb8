package io.mdmhub.incorporation;

import io.mdmhub.batches.Batch;
import io.mdmhub.batches.BatchEntity;
import io.mdmhub.batches.BatchState;
import io.mdmhub.hub.Source;
import io.mdmhub.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Incorporates one batch of a (universe, source) pair per transaction. The batch moves from {@code
 * ENRICHED} through {@code PROCESSING} to its final state inside that transaction, so a crash or a
 * failure leaves it {@code ENRICHED}, where it can still be canceled or incorporated later.
 */
@Stateless
public class Incorporator {

  private static final Logger LOG = Logger.getLogger(Incorporator.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  /** Outcome of one call, from which the caller decides whether to call again. */
  public enum Step {
    /** A batch was incorporated; the next one may be ready. */
    INCORPORATED,
    /** The chosen batch left {@code ENRICHED} before it was claimed; look again. */
    LOST,
    /** Nothing to do now: the source is paused, or its oldest unfinished batch is not enriched. */
    WAITING
  }

  /**
   * Incorporates the pair's oldest unfinished batch if it is {@code ENRICHED} and the source's
   * incorporation is running.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Step incorporateNext(String universeId, String sourceCode) {
    // The source row's write lock serializes incorporation of this pair on every node sharing the
    // database until this transaction ends, and a pause committed before it is seen here.
    Source source =
        em.find(
            Source.class, new Source.Key(universeId, sourceCode), LockModeType.PESSIMISTIC_WRITE);
    if (source == null || source.getIncorporation() != Source.Incorporation.RUNNING) {
      return Step.WAITING;
    }
    List<Object[]> oldest =
        em.createQuery(
                "SELECT b.id, b.state FROM Batch b WHERE b.universeId = :universeId"
                    + " AND b.sourceCode = :sourceCode AND b.state IN :unfinished ORDER BY b.id",
                Object[].class)
            .setParameter("universeId", universeId)
            .setParameter("sourceCode", sourceCode)
            .setParameter("unfinished", BatchState.UNFINISHED)
            .setMaxResults(1)
            .getResultList();
    if (oldest.isEmpty() || oldest.get(0)[1] != BatchState.ENRICHED) {
      return Step.WAITING;
    }
    long batchId = (Long) oldest.get(0)[0];
    if (!claim(batchId)) {
      return Step.LOST;
    }
    incorporate(em.find(Batch.class, batchId));
    return Step.INCORPORATED;
  }

  /**
   * Moves the batch from {@code ENRICHED} to {@code PROCESSING}. The cancellation job's UPDATE
   * re-checks the state too, and both take the row's write lock, so whichever commits first wins
   * and the other changes nothing.
   */
  private boolean claim(long batchId) {
    Instant now = Timestamps.now();
    return em.createQuery(
                "UPDATE Batch b SET b.state = :processing, b.processStartedAt = :now,"
                    + " b.updatedAt = :now WHERE b.id = :id AND b.state = :enriched")
            .setParameter("processing", BatchState.PROCESSING)
            .setParameter("now", now)
            .setParameter("id", batchId)
            .setParameter("enriched", BatchState.ENRICHED)
            .executeUpdate()
        == 1;
  }

  private void incorporate(Batch batch) {
    List<BatchEntity> entities =
        em.createQuery(
                "SELECT e FROM BatchEntity e WHERE e.batchId = :batchId ORDER BY e.ordinal",
                BatchEntity.class)
            .setParameter("batchId", batch.getId())
            .getResultList();
    Instant now = Timestamps.now();
    Tally tally = new Tally();
    int position = 0;
    for (BatchEntity entity : entities) {
      apply(batch, entity, ++position, now, tally);
    }

    Batch.RecordCounts counts =
        new Batch.RecordCounts(tally.created, tally.updated, tally.deleted, tally.problems.size());
    String messages = summary(tally.problems, entities.size());
    batch.incorporated(finalState(entities.size(), tally.problems.size()), counts, messages, now);
    LOG.log(
        Level.INFO,
        "Batch {0} of universe {1}, source {2} incorporated: {3}, {4}",
        new Object[] {
          Long.toString(batch.getId()),
          batch.getUniverseId(),
          batch.getSourceCode(),
          batch.getState(),
          counts
        });
  }

  /**
   * Applies one entity to its record: {@code UPSERT} creates or replaces it, {@code CREATE} only
   * creates, {@code DELETE} end-dates a current record. A rejected entity changes nothing.
   */
  private void apply(Batch batch, BatchEntity entity, int position, Instant now, Tally tally) {
    SourceRecord.Key key =
        new SourceRecord.Key(batch.getUniverseId(), batch.getSourceCode(), entity.getEntityId());
    SourceRecord record = em.find(SourceRecord.class, key);
    boolean current = record != null && record.isCurrent();
    switch (entity.getOp()) {
      case "DELETE" -> {
        if (!current) {
          tally.problems.add(problem(position, entity, "has no current record to end-date."));
          return;
        }
        record.endDate(batch.getId(), now);
        tally.deleted++;
      }
      case "CREATE" -> {
        if (current) {
          tally.problems.add(
              problem(
                  position,
                  entity,
                  "already has a current record, and CREATE requires that none exists. Use"
                      + " UPSERT to update it."));
          return;
        }
        store(key, record, entity, batch.getId(), now);
        tally.created++;
      }
      default -> {
        store(key, record, entity, batch.getId(), now);
        if (current) {
          tally.updated++;
        } else {
          tally.created++;
        }
      }
    }
  }

  private void store(
      SourceRecord.Key key, SourceRecord record, BatchEntity entity, long batchId, Instant now) {
    if (record == null) {
      em.persist(new SourceRecord(key, entity.getContent(), batchId, now));
    } else {
      record.replace(entity.getContent(), batchId, now);
    }
  }

  /** {@code ERRORED} when every entity was rejected, {@code COMPLETED_ERRORS} when some were. */
  private static BatchState finalState(int entities, int rejected) {
    if (rejected == 0) {
      return BatchState.COMPLETED;
    }
    return rejected == entities ? BatchState.ERRORED : BatchState.COMPLETED_ERRORS;
  }

  private static String problem(int position, BatchEntity entity, String text) {
    return "Entity "
        + position
        + " (id '"
        + entity.getEntityId()
        + "', op "
        + entity.getOp()
        + ") "
        + text;
  }

  private static String summary(List<String> problems, int entities) {
    if (problems.isEmpty()) {
      return null;
    }
    return "Rejected "
        + problems.size()
        + " of "
        + entities
        + " entities. "
        + String.join(" ", problems);
  }

  /** Running counts of one batch's records and the messages of its rejected entities. */
  private static final class Tally {
    int created;
    int updated;
    int deleted;
    final List<String> problems = new ArrayList<>();
  }
}
