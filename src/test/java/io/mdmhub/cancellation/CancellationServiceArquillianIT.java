package io.mdmhub.cancellation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.security.AuthScheme;
import io.mdmhub.security.HubCaller;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container tests of the cancellation EJBs: the hand-off to the managed executor and the guard
 * row's pessimistic lock. The deployment leaves out the start-up beans and the HTTP security of the
 * application under test, which runs beside it on the same server.
 */
@ExtendWith(ArquillianExtension.class)
class CancellationServiceArquillianIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "cancellation-it.war")
        .addPackages(
            false,
            "io.mdmhub.cancellation",
            "io.mdmhub.batches",
            "io.mdmhub.hub",
            "io.mdmhub.errors")
        .addClasses(
            HubCaller.class,
            AuthScheme.class,
            io.mdmhub.security.Callers.class,
            io.mdmhub.security.Roles.class,
            io.mdmhub.platform.BackgroundExecutor.class,
            io.mdmhub.platform.Databases.class,
            io.mdmhub.platform.BoundedBody.class,
            io.mdmhub.platform.NodeIdentity.class,
            io.mdmhub.platform.SecureXml.class,
            io.mdmhub.platform.Timestamps.class,
            io.mdmhub.platform.UtcInstantConverter.class,
            io.mdmhub.operations.CurrentRequest.class,
            io.mdmhub.operations.HubMetrics.class,
            io.mdmhub.operations.MeteredOutcome.class,
            io.mdmhub.operations.RequestIds.class,
            io.mdmhub.audit.AuditAction.class,
            io.mdmhub.audit.Audited.class)
        .deleteClass(CancelPendingBatchesIT.class)
        .deleteClass(CancellationLimitsIT.class)
        .deleteClass(ConcurrentCancellationIT.class)
        .deleteClass(Jobs.class)
        .deleteClass(RowLock.class)
        .addAsResource("META-INF/persistence.xml")
        .addAsWebInfResource(
            new org.jboss.shrinkwrap.api.asset.StringAsset(
                "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                    + " bean-discovery-mode=\"annotated\"/>"),
            "beans.xml");
  }

  private CancellationService cancellation;
  private CancellationTestData data;
  private UserTransaction transaction;
  private ManagedExecutorService executor;
  private HubCaller caller;
  private String universeId;

  /**
   * Looks up the beans and creates the test's tenant. Each test calls it first, because the test
   * enrichers that Arquillian's Liberty adapter brings did not inject fields here.
   */
  private void createTenant() throws Exception {
    cancellation = CDI.current().select(CancellationService.class).get();
    data = CDI.current().select(CancellationTestData.class).get();
    transaction = InitialContext.doLookup("java:comp/UserTransaction");
    executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    universeId = UUID.randomUUID().toString();
    transaction.begin();
    caller = data.createTenant(universeId);
    transaction.commit();
  }

  @Test
  void requestReturnsWhileJobWaits() throws Exception {
    createTenant();
    List<Long> ids = data.insertEnriched(universeId, 5);

    transaction.begin();
    try {
      data.lockBatch(ids.get(0));
      Instant before = Instant.now();
      CancellationJob job = cancellation.request(caller, null, universeId, "SF");
      Duration took = Duration.between(before, Instant.now());

      assertEquals(JobState.RUNNING, job.getState(), "state returned by the request");
      assertTrue(took.toMillis() < 5_000, "request returned in " + took);
      assertThrows(
          CancellationInProgressException.class,
          () -> cancellation.request(caller, null, universeId, "SF"),
          "a second request while the job waits");
    } finally {
      transaction.rollback();
    }

    CancellationJob done = awaitEnd();
    assertEquals(JobState.COMPLETED, done.getState(), "state after the lock is released");
    assertEquals(5, done.getCanceledCount(), "canceled count");
    assertEquals("arquillian", done.getRequestedBy(), "requester recorded at submission");
  }

  @Test
  void guardLockBlocksRegistration() throws Exception {
    createTenant();
    data.insertEnriched(universeId, 1);
    cancellation.request(caller, null, universeId, "SF");
    awaitEnd();

    transaction.begin();
    Future<CancellationJob> blocked;
    try {
      data.lockGuard(universeId, "SF");
      blocked = executor.submit(() -> cancellation.request(caller, null, universeId, "SF"));

      assertThrows(
          TimeoutException.class,
          () -> blocked.get(1, TimeUnit.SECONDS),
          "registration waits while the guard row is locked");
      assertFalse(blocked.isDone(), "registration still waiting");
    } finally {
      transaction.commit();
    }

    CancellationJob job = blocked.get(30, TimeUnit.SECONDS);
    assertEquals(JobState.RUNNING, job.getState(), "registered once the lock was released");
    assertEquals(JobState.COMPLETED, awaitEnd().getState(), "second job state");
  }

  private CancellationJob awaitEnd() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      CancellationJob job = data.latestJob(universeId);
      if (job != null && job.getState() != JobState.RUNNING) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No job of universe " + universeId + " ended within 60 s");
  }
}
