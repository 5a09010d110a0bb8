package io.mdmhub.operations;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The hub's application metrics, served by MicroProfile Metrics at {@code /metrics} in Prometheus
 * format. Every series is registered at start-up, so it reads 0 before its first event instead of
 * being absent. Each node counts its own requests and jobs.
 */
@ApplicationScoped
public class HubMetrics {

  static final String CANCEL_REQUESTS = "mdm.cancel.requests";
  static final String STAGING_REQUESTS = "mdm.staging.requests";
  static final String JOBS = "mdm.cancellation.jobs";
  static final String BATCHES_CANCELED = "mdm.batches.canceled";
  static final String JOB_DURATION = "mdm.cancellation.job.duration";

  @Inject MetricRegistry registry;

  private final Map<String, Counter> cancelRequests = new HashMap<>();
  private final Map<String, Counter> stagingRequests = new HashMap<>();
  private Counter jobsCompleted;
  private Counter jobsFailed;
  private Counter batchesCanceled;
  private Timer jobDuration;

  /** Creates the bean when the application starts, so the series exist before any request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // Observing the event is enough; @PostConstruct registers the metrics.
  }

  @PostConstruct
  void registerAll() {
    Metadata cancel =
        Metadata.builder()
            .withName(CANCEL_REQUESTS)
            .withDescription(
                "Cancel Pending Batches responses by outcome: 202, 409, other 4xx (401 included)"
                    + " and 5xx")
            .build();
    for (String outcome : new String[] {"202", "409", "4xx", "5xx"}) {
      cancelRequests.put(outcome, registry.counter(cancel, new Tag("outcome", outcome)));
    }
    Metadata staging =
        Metadata.builder()
            .withName(STAGING_REQUESTS)
            .withDescription("Update Golden Records responses by outcome: 202, 4xx and 5xx")
            .build();
    for (String outcome : new String[] {"202", "4xx", "5xx"}) {
      stagingRequests.put(outcome, registry.counter(staging, new Tag("outcome", outcome)));
    }
    Metadata jobs =
        Metadata.builder()
            .withName(JOBS)
            .withDescription("Cancellation jobs of this node that ended, by outcome")
            .build();
    jobsCompleted = registry.counter(jobs, new Tag("outcome", "completed"));
    jobsFailed = registry.counter(jobs, new Tag("outcome", "failed"));
    batchesCanceled =
        registry.counter(
            Metadata.builder()
                .withName(BATCHES_CANCELED)
                .withDescription("Batches set to CANCELED by the cancellation jobs of this node")
                .build());
    jobDuration =
        registry.timer(
            Metadata.builder()
                .withName(JOB_DURATION)
                .withDescription("Run time of the cancellation jobs of this node, start to end")
                .withUnit(MetricUnits.SECONDS)
                .build());
  }

  /** Counts a Cancel Pending Batches response by its status. */
  public void cancelRequest(int status) {
    cancelRequests.get(outcome(status, true)).inc();
  }

  /** Counts an Update Golden Records response by its status. */
  public void stagingRequest(int status) {
    stagingRequests.get(outcome(status, false)).inc();
  }

  /** Records a job that ended: its outcome, its run time and, when it completed, its count. */
  public void jobEnded(boolean completed, int canceled, Duration runTime) {
    if (completed) {
      jobsCompleted.inc();
      batchesCanceled.inc(canceled);
    } else {
      jobsFailed.inc();
    }
    jobDuration.update(runTime);
  }

  /** Returns the series of a status: 202 and 409 on their own, otherwise its class. */
  private static String outcome(int status, boolean conflictSeries) {
    if (status == 202 || (conflictSeries && status == 409)) {
      return Integer.toString(status);
    }
    return status >= 500 ? "5xx" : "4xx";
  }
}
