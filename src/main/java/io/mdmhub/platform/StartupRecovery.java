package io.mdmhub.platform;

import io.mdmhub.batches.BatchState;
import io.mdmhub.batches.StagingService;
import io.mdmhub.cancellation.CancellationRegistry;
import io.mdmhub.incorporation.IncorporationService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finishes what a previous run of this node left: its cancellation jobs still marked running become
 * {@code FAILED}, batches waiting to be parsed or enriched are handed to the executor again, and
 * incorporation starts for every source with enriched batches.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupRecovery {

  private static final Logger LOG = Logger.getLogger(StartupRecovery.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject CancellationRegistry cancellations;
  @Inject StagingService staging;
  @Inject IncorporationService incorporation;

  // Repeated on the callback because Payara ignores the class-level attribute for @PostConstruct.
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void recover() {
    int orphans = cancellations.failOrphans();
    if (orphans > 0) {
      LOG.log(
          Level.WARNING,
          "Marked {0} cancellation jobs of this node FAILED after a restart",
          orphans);
    }
    // NOTE: with several nodes, each resumes every waiting batch; the steps' row lock and state
    // check keep a batch from being processed twice, but the work is not shared out.
    List<Long> waiting =
        em.createQuery(
                "SELECT b.id FROM Batch b WHERE b.state IN :states ORDER BY b.id", Long.class)
            .setParameter("states", List.of(BatchState.CREATED, BatchState.PARSED))
            .getResultList();
    int resumed = 0;
    for (Long batchId : waiting) {
      if (staging.resume(batchId)) {
        resumed++;
      }
    }
    if (!waiting.isEmpty()) {
      LOG.log(
          Level.INFO, "Resumed {0} of {1} waiting batches", new Object[] {resumed, waiting.size()});
    }
    int pairs = incorporation.triggerAll();
    if (pairs > 0) {
      LOG.log(Level.INFO, "Started incorporation for {0} sources with enriched batches", pairs);
    }
  }
}
