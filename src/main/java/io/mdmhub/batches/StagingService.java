package io.mdmhub.batches;

import io.mdmhub.errors.NotFoundException;
import io.mdmhub.errors.WorkRejectedException;
import io.mdmhub.hub.HubDirectory;
import io.mdmhub.hub.Universe;
import io.mdmhub.platform.BackgroundExecutor;
import io.mdmhub.platform.BoundedBody;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Update Golden Records: stores a new batch in its own transaction and, once that committed, hands
 * parsing and enrichment to the background executor.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StagingService {

  private static final Logger LOG = Logger.getLogger(StagingService.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject HubDirectory directory;
  @Inject BatchStore store;
  @Inject BatchProcessor processor;
  @Inject BackgroundExecutor executor;
  @Inject Event<BatchProcessed> processed;

  @Inject
  @ConfigProperty(name = "mdm.batch.max-body-bytes", defaultValue = "10485760")
  long maxBodyBytes;

  /** Stages a batch and returns it in {@code CREATED}. */
  public Batch stage(HubCaller caller, String repositoryId, String universeId, InputStream body) {
    Universe universe = directory.universe(caller, repositoryId, universeId);
    byte[] bytes = BoundedBody.read(body, maxBodyBytes);
    Batch batch = store.create(caller, universe, universeId, bytes);
    long batchId = batch.getId();
    LOG.log(
        Level.INFO,
        "Batch {0} staged for universe {1}, source {2} with {3} entities",
        new Object[] {
          Long.toString(batchId), universe.getId(), batch.getSourceCode(), batch.getEntityCount()
        });
    String sourceCode = batch.getSourceCode();
    if (!executor.trySubmit(() -> process(batchId, universe.getId(), sourceCode))) {
      store.discard(batchId);
      LOG.log(
          Level.WARNING, "Batch {0} discarded: the executor rejected it", Long.toString(batchId));
      throw new WorkRejectedException(
          "The server is too busy to accept the batch. It was not stored; retry later.");
    }
    return batch;
  }

  /** Returns a batch of the universe, or 404 when the universe has no batch with this id. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Batch batch(HubCaller caller, String repositoryId, String universeId, String batchId) {
    Universe universe = directory.universe(caller, repositoryId, universeId);
    Batch batch = null;
    if (batchId.matches("[0-9]{1,18}")) {
      batch = em.find(Batch.class, Long.parseLong(batchId));
    }
    if (batch == null || !batch.getUniverseId().equals(universe.getId())) {
      throw NotFoundException.batch(batchId);
    }
    return batch;
  }

  /** Resumes a batch left in {@code CREATED} or {@code PARSED}, for example after a restart. */
  public boolean resume(long batchId) {
    Batch batch = em.find(Batch.class, batchId);
    if (batch == null) {
      return false;
    }
    String universeId = batch.getUniverseId();
    String sourceCode = batch.getSourceCode();
    return executor.trySubmit(() -> process(batchId, universeId, sourceCode));
  }

  /**
   * Parses and enriches a batch, then fires {@link BatchProcessed} in this thread, which lets the
   * source's incorporation continue whether or not this batch reached {@code ENRICHED}.
   */
  private void process(long batchId, String universeId, String sourceCode) {
    try {
      processor.parse(batchId);
      processor.enrich(batchId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Processing batch " + batchId + " failed", e);
    }
    try {
      processed.fire(new BatchProcessed(batchId, universeId, sourceCode));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Incorporation after batch " + batchId + " failed", e);
    }
  }
}
