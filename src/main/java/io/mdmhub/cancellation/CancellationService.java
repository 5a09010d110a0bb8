package io.mdmhub.cancellation;

import io.mdmhub.errors.NotFoundException;
import io.mdmhub.errors.WorkRejectedException;
import io.mdmhub.hub.HubDirectory;
import io.mdmhub.hub.SourceTarget;
import io.mdmhub.platform.BackgroundExecutor;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cancel Pending Batches: registers a job for the pair under the guard row's lock, commits, and
 * only then hands the job to the background executor, so the request returns at once and the job
 * never runs unregistered.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CancellationService {

  private static final Logger LOG = Logger.getLogger(CancellationService.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject HubDirectory directory;
  @Inject CancellationRegistry registry;
  @Inject CancellationRunner runner;
  @Inject BackgroundExecutor executor;
  @Inject LeaseKeeper leases;

  /** Registers and starts a job, returning it in {@code RUNNING}. */
  public CancellationJob request(
      HubCaller caller, String repositoryId, String universeId, String sourceCode) {
    SourceTarget target = directory.source(caller, repositoryId, universeId, sourceCode);
    try {
      registry.ensureGuard(target.universeId(), target.sourceCode());
    } catch (EJBException e) {
      // Another request created the guard row at the same moment; register() locks that row.
      LOG.log(Level.FINE, "Guard row of {0} created concurrently", target);
    }
    CancellationJob job = registry.register(target, caller);
    String jobId = job.getId();
    LOG.log(
        Level.INFO,
        "Cancellation job {0} registered for universe {1}, source {2} by {3} ({4})",
        new Object[] {
          jobId, target.universeId(), target.sourceCode(), caller.getName(), caller.getScheme()
        });
    leases.start(jobId);
    if (!executor.trySubmit(() -> runJob(jobId))) {
      leases.stop(jobId);
      registry.fail(jobId, "The server was too busy to start the job; nothing changed.");
      LOG.log(Level.WARNING, "Cancellation job {0} failed: the executor rejected it", jobId);
      throw new WorkRejectedException(
          "The server is too busy to start a batch cancellation job. Nothing changed; retry"
              + " later.");
    }
    return job;
  }

  private void runJob(String jobId) {
    try {
      runner.execute(jobId);
    } finally {
      leases.stop(jobId);
    }
  }

  /** Returns a job of the pair, or 404 when the pair has no job with this id. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public CancellationJob job(
      HubCaller caller, String repositoryId, String universeId, String sourceCode, String jobId) {
    SourceTarget target = directory.source(caller, repositoryId, universeId, sourceCode);
    CancellationJob job = em.find(CancellationJob.class, jobId);
    if (job == null
        || !job.getUniverseId().equals(target.universeId())
        || !job.getSourceCode().equals(target.sourceCode())) {
      throw NotFoundException.cancellationJob(jobId);
    }
    return job;
  }
}
