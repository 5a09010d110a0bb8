package io.mdmhub.batches;

import io.mdmhub.hub.Universe;
import io.mdmhub.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a staged batch through parsing and enrichment, each step in one transaction of its own. A
 * step first locks the batch row and checks the state it expects, so a batch canceled meanwhile
 * stays canceled, and a step that fails or whose node dies leaves the batch in the state before the
 * step.
 */
@Stateless
public class BatchProcessor {

  private static final Logger LOG = Logger.getLogger(BatchProcessor.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  /**
   * Parses a {@code CREATED} batch into its entities and leaves it {@code PARSED}, or {@code
   * ERRORED} with the reason. Returns whether the batch reached {@code PARSED}.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean parse(long batchId) {
    Batch batch = em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    if (batch == null || batch.getState() != BatchState.CREATED) {
      return false;
    }
    Universe universe = em.find(Universe.class, batch.getUniverseId());
    batch.startParsing(Timestamps.now());
    BatchPayload payload = em.find(BatchPayload.class, batchId);
    if (payload == null) {
      batch.errored("The batch has no stored body to parse.", Timestamps.now());
      LOG.log(
          Level.WARNING, "Batch {0} has no stored body; marked ERRORED", Long.toString(batchId));
      return false;
    }
    String body = payload.getBody();
    List<BatchXml.ParsedEntity> entities;
    try {
      entities = BatchXml.readEntities(body, universe.getEntityName());
    } catch (BatchXml.MalformedException | BatchXml.InvalidEntityException e) {
      batch.errored(e.getMessage(), Timestamps.now());
      LOG.log(
          Level.INFO,
          "Batch {0} of universe {1}, source {2} failed parsing: {3}",
          new Object[] {
            Long.toString(batchId), batch.getUniverseId(), batch.getSourceCode(), e.getMessage()
          });
      return false;
    }
    int ordinal = 0;
    for (BatchXml.ParsedEntity entity : entities) {
      String content = BatchXml.writeFields(universe.getEntityName(), entity.fields());
      if (content.length() > BatchEntity.MAX_CONTENT || entity.id().length() > 255) {
        batch.errored(
            "Entity " + (ordinal + 1) + " exceeds the size the hub stores for one entity.",
            Timestamps.now());
        return false;
      }
      em.persist(new BatchEntity(batchId, ++ordinal, entity.id(), entity.op(), content));
    }
    batch.parsed(Timestamps.now());
    return true;
  }

  /** Normalizes white space in the field values of a {@code PARSED} batch: {@code ENRICHED}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void enrich(long batchId) {
    Batch batch = em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    if (batch == null || batch.getState() != BatchState.PARSED) {
      return;
    }
    Universe universe = em.find(Universe.class, batch.getUniverseId());
    Instant started = Timestamps.now();
    batch.startEnriching(started);
    List<BatchEntity> entities =
        em.createQuery(
                "SELECT e FROM BatchEntity e WHERE e.batchId = :batchId ORDER BY e.ordinal",
                BatchEntity.class)
            .setParameter("batchId", batchId)
            .getResultList();
    for (BatchEntity entity : entities) {
      try {
        Map<String, String> normalized = new LinkedHashMap<>();
        BatchXml.readFields(entity.getContent())
            .forEach((field, value) -> normalized.put(field, BatchXml.normalizeSpace(value)));
        entity.replaceContent(BatchXml.writeFields(universe.getEntityName(), normalized));
      } catch (BatchXml.MalformedException | BatchXml.InvalidEntityException e) {
        batch.errored("Enrichment failed: " + e.getMessage(), Timestamps.now());
        return;
      }
    }
    batch.enriched(Timestamps.now());
  }
}
