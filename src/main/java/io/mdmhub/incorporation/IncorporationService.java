package io.mdmhub.incorporation;

import io.mdmhub.batches.BatchProcessed;
import io.mdmhub.batches.BatchState;
import io.mdmhub.hub.SourceResumed;
import io.mdmhub.platform.BackgroundExecutor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts incorporation of a (universe, source) pair: after a batch of the pair was enriched, when
 * an operator resumes the source, and at start-up. Each run incorporates the pair's batches one
 * transaction at a time, oldest first, until none is ready.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IncorporationService {

  private static final Logger LOG = Logger.getLogger(IncorporationService.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject Incorporator incorporator;
  @Inject BackgroundExecutor executor;

  /**
   * Incorporates the pair's ready batches in the calling thread. A failure stops the run and leaves
   * the failed batch {@code ENRICHED}; the next trigger of the pair retries it.
   */
  public void drain(String universeId, String sourceCode) {
    try {
      Incorporator.Step step;
      do {
        step = incorporator.incorporateNext(universeId, sourceCode);
      } while (step != Incorporator.Step.WAITING);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Incorporation for universe "
              + universeId
              + ", source "
              + sourceCode
              + " failed; its oldest enriched batch stays ENRICHED until the next attempt",
          e);
    }
  }

  /** Hands a run for the pair to the background executor. */
  public void trigger(String universeId, String sourceCode) {
    if (!executor.trySubmit(() -> drain(universeId, sourceCode))) {
      LOG.log(
          Level.WARNING,
          "Incorporation for universe {0}, source {1} not started: the executor rejected it."
              + " Its batches wait in ENRICHED until the next trigger.",
          new Object[] {universeId, sourceCode});
    }
  }

  /** Starts a run for every pair with an enriched batch, for example after a restart. */
  public int triggerAll() {
    List<Object[]> pairs =
        em.createQuery(
                "SELECT DISTINCT b.universeId, b.sourceCode FROM Batch b WHERE b.state = :enriched",
                Object[].class)
            .setParameter("enriched", BatchState.ENRICHED)
            .getResultList();
    for (Object[] pair : pairs) {
      trigger((String) pair[0], (String) pair[1]);
    }
    return pairs.size();
  }

  /** Runs on the executor thread that processed the batch, so no other task is queued. */
  public void onBatchProcessed(@Observes BatchProcessed event) {
    drain(event.universeId(), event.sourceCode());
  }

  /** Runs only once the resume has committed, so the run reads the source as running. */
  public void onSourceResumed(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) SourceResumed event) {
    LOG.log(
        Level.INFO,
        "Incorporation resumed for universe {0}, source {1}",
        new Object[] {event.universeId(), event.sourceCode()});
    trigger(event.universeId(), event.sourceCode());
  }
}
