package io.mdmhub.cancellation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renews the lease of this node's running jobs every {@code mdm.cancel.lease-renewal-seconds}, from
 * registration until the job ends. When the node dies the renewals stop, so its job's lease runs
 * out at most {@code mdm.cancel.lease-seconds} later and another request may supersede it.
 */
@ApplicationScoped
public class LeaseKeeper {

  private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  @Inject CancellationRegistry registry;

  @Inject
  @ConfigProperty(name = "mdm.cancel.lease-renewal-seconds", defaultValue = "10")
  long renewalSeconds;

  private final Map<String, ScheduledFuture<?>> renewals = new ConcurrentHashMap<>();

  /** Starts renewing a job's lease. */
  public void start(String jobId) {
    ScheduledFuture<?> renewal =
        scheduler.scheduleWithFixedDelay(
            () -> renew(jobId), renewalSeconds, renewalSeconds, TimeUnit.SECONDS);
    renewals.put(jobId, renewal);
  }

  /** Stops renewing a job's lease; the job has ended or never started. */
  public void stop(String jobId) {
    ScheduledFuture<?> renewal = renewals.remove(jobId);
    if (renewal != null) {
      renewal.cancel(false);
    }
  }

  private void renew(String jobId) {
    try {
      if (!registry.renewLease(jobId)) {
        stop(jobId);
      }
    } catch (RuntimeException e) {
      // The next renewal tries again; the lease covers several missed renewals.
      LOG.log(Level.WARNING, "Renewing the lease of cancellation job " + jobId + " failed", e);
    }
  }

  @PreDestroy
  void stopAll() {
    renewals.values().forEach(renewal -> renewal.cancel(false));
    renewals.clear();
  }
}
