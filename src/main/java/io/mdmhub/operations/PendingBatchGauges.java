package io.mdmhub.operations;

import io.mdmhub.batches.BatchState;
import io.mdmhub.hub.Source;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauge {@code mdm.batches.pending}: the pending ({@code PARSED} or {@code ENRICHED}) batches
 * of each (universe, source) pair, read from the database. One query counts every pair every {@code
 * mdm.metrics.pending-refresh-seconds}, so a scrape never touches the database and the value can be
 * that many seconds old. Every node reports the same database-wide counts.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PendingBatchGauges {

  static final String PENDING = "mdm.batches.pending";

  private static final Logger LOG = Logger.getLogger(PendingBatchGauges.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject MetricRegistry registry;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource SessionContext context;

  @Inject
  @ConfigProperty(name = "mdm.metrics.pending-refresh-seconds", defaultValue = "10")
  int refreshSeconds;

  /** Pending batches per pair, keyed by {@code universeId + "\n" + sourceCode}. */
  private final Map<String, Long> pending = new ConcurrentHashMap<>();

  private volatile boolean failing;
  private ScheduledFuture<?> refresher;

  /**
   * Schedules the refresh. It touches no table itself: a start-up bean that creates rows may
   * initialize this one inside its own transaction, and a read here would wait for that.
   */
  @PostConstruct
  void start() {
    PendingBatchGauges self = context.getBusinessObject(PendingBatchGauges.class);
    // An exception that escapes a run would cancel every later run, so none may escape.
    Runnable refresh =
        () -> {
          try {
            self.refresh();
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Refreshing the pending batch gauges failed", e);
          }
        };
    refresher = scheduler.scheduleWithFixedDelay(refresh, 0, refreshSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (refresher != null) {
      refresher.cancel(false);
    }
  }

  /** Registers the gauge of a pair, if it is not registered yet; it reads 0 until a refresh. */
  public void register(String universeId, String sourceCode) {
    String key = universeId + "\n" + sourceCode;
    if (pending.putIfAbsent(key, 0L) != null) {
      return;
    }
    registry.gauge(
        Metadata.builder()
            .withName(PENDING)
            .withDescription(
                "Pending (PARSED or ENRICHED) batches of a universe and source, database-wide")
            .build(),
        () -> pending.getOrDefault(key, 0L),
        new Tag("universe", universeId),
        new Tag("source", sourceCode));
  }

  /**
   * Registers the gauge of every source and counts the pending batches of every pair. A pair with
   * none reads 0, and a source seen for the first time, such as one attached on another node, gets
   * its gauge now. A failed refresh keeps the previous values and is logged once until a refresh
   * succeeds again.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void refresh() {
    try {
      List<Source> sources = em.createQuery("SELECT s FROM Source s", Source.class).getResultList();
      for (Source source : sources) {
        register(source.getUniverseId(), source.getCode());
      }
      List<Object[]> rows =
          em.createQuery(
                  "SELECT b.universeId, b.sourceCode, COUNT(b) FROM Batch b"
                      + " WHERE b.state IN :pending GROUP BY b.universeId, b.sourceCode",
                  Object[].class)
              .setParameter("pending", BatchState.PENDING)
              .getResultList();
      Map<String, Long> counts = new ConcurrentHashMap<>();
      for (Object[] row : rows) {
        register((String) row[0], (String) row[1]);
        counts.put(row[0] + "\n" + row[1], ((Number) row[2]).longValue());
      }
      pending.replaceAll((key, old) -> counts.getOrDefault(key, 0L));
      if (failing) {
        failing = false;
        LOG.log(Level.INFO, "Counting pending batches for the metrics works again");
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        LOG.log(
            Level.WARNING,
            "Counting pending batches for the metrics failed; keeping old values",
            e);
      }
    }
  }
}
