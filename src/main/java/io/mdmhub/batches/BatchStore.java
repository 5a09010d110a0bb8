package io.mdmhub.batches;

import io.mdmhub.errors.NotFoundException;
import io.mdmhub.hub.HubDirectory;
import io.mdmhub.hub.Source;
import io.mdmhub.hub.Universe;
import io.mdmhub.platform.Timestamps;
import io.mdmhub.security.HubCaller;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Validates a staging request's body and stores the new batch in {@code CREATED}. */
@Stateless
public class BatchStore {

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject HubDirectory directory;

  @Resource SessionContext context;

  /**
   * Stores a batch for the universe, or throws the hub's message for the first problem found:
   * malformed XML, wrong root, no source, unknown source, a source that may not contribute, more
   * entities than the universe accepts. A rejected batch leaves no row, although the id it names in
   * its message is used up.
   */
  public Batch create(HubCaller caller, Universe universe, String universeIdAsGiven, byte[] body) {
    BatchXml.Envelope envelope;
    try {
      envelope = BatchXml.readEnvelope(body);
    } catch (BatchXml.MalformedException e) {
      throw BatchRejectedException.malformed(universeIdAsGiven, e.getMessage());
    }
    // Bodies are UTF-8, and the stored text is parsed again later: anything else is rejected
    // here rather than stored with replacement characters.
    String text = BatchXml.decodeUtf8(body);
    if (text == null || !BatchXml.isUtf8(envelope.encoding())) {
      throw BatchRejectedException.notUtf8(universeIdAsGiven, envelope.encoding());
    }
    if (!envelope.rootName().equals("batch")) {
      throw BatchRejectedException.wrongRoot(universeIdAsGiven, envelope.rootName());
    }
    if (envelope.source() == null || envelope.source().isBlank()) {
      throw BatchRejectedException.missingSource(universeIdAsGiven);
    }
    Source source = directory.findSource(universe, envelope.source());
    if (source == null) {
      throw NotFoundException.source(universeIdAsGiven, envelope.source());
    }
    if (!source.isAllowContribute()) {
      throw BatchRejectedException.notContributing(source.getCode(), universeIdAsGiven);
    }
    Batch batch =
        new Batch(
            universe.getId(),
            source.getCode(),
            caller.getScheme().name(),
            caller.getName(),
            envelope.entityCount(),
            Timestamps.now());
    // The sequence assigns the id on persist, so a rejection below can name it.
    em.persist(batch);
    if (envelope.entityCount() > universe.getMaxBatchSize()) {
      // The batch row must not survive the rejection; its id stays used.
      context.setRollbackOnly();
      throw BatchRejectedException.tooLarge(
          batch.getId(), source.getCode(), universe.getName(), universe.getMaxBatchSize());
    }
    // The batch row goes first: the payload's foreign key refers to it.
    em.flush();
    em.persist(new BatchPayload(batch.getId(), text));
    return batch;
  }

  /** Deletes a batch that could not be handed to the executor, so the request changes nothing. */
  public void discard(long batchId) {
    em.createQuery("DELETE FROM BatchPayload p WHERE p.batchId = :id")
        .setParameter("id", batchId)
        .executeUpdate();
    em.createQuery("DELETE FROM Batch b WHERE b.id = :id AND b.state = :state")
        .setParameter("id", batchId)
        .setParameter("state", BatchState.CREATED)
        .executeUpdate();
  }
}
