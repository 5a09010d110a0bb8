package io.mdmhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mdmhub.client.ApiClient;
import io.mdmhub.client.ApiException;
import io.mdmhub.client.ApiResponse;
import io.mdmhub.client.api.AdministrationApi;
import io.mdmhub.client.api.BatchesApi;
import io.mdmhub.client.api.CancellationApi;
import io.mdmhub.client.api.UniversesApi;
import io.mdmhub.client.auth.HttpBasicAuth;
import io.mdmhub.client.model.Batch;
import io.mdmhub.client.model.BatchHistoryQuery;
import io.mdmhub.client.model.BatchHistoryResponse;
import io.mdmhub.client.model.BatchState;
import io.mdmhub.client.model.CancellationJob;
import io.mdmhub.client.model.CancellationJobPage;
import io.mdmhub.client.model.DeployedUniverse;
import io.mdmhub.client.model.ErrorResponse;
import io.mdmhub.client.model.Field;
import io.mdmhub.client.model.JobState;
import io.mdmhub.client.model.Repository;
import io.mdmhub.client.model.RepositoryRequest;
import io.mdmhub.client.model.Source;
import io.mdmhub.client.model.SourceSettings;
import io.mdmhub.client.model.SourceStats;
import io.mdmhub.client.model.UniverseDefinition;
import io.mdmhub.support.BatchRowLock;
import io.mdmhub.support.HubClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls the server only through the Java client that openapi-generator made from the OpenAPI
 * document during the build, so a wrong path, parameter, schema or status in the document fails
 * here. The one exception is the database row lock that keeps a job running for the 409.
 */
class OpenApiClientIT {

  private static final String ADMIN_USER = System.getProperty("mdm.test.adminUser", "admin");
  private static final String ADMIN_PASSWORD =
      System.getProperty("mdm.test.adminPassword", "dev-admin-password");

  @TempDir Path folder;

  private String accountId;
  private String universeId;
  private CancellationApi cancellation;
  private BatchesApi batches;
  private UniversesApi universes;

  @BeforeEach
  void createTenant() throws ApiException {
    AdministrationApi admin =
        new AdministrationApi(client("adminBasic", ADMIN_USER, ADMIN_PASSWORD));
    accountId = "gen-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(201, admin.putAccountWithHttpInfo(accountId).getStatusCode(), "account created");
    assertEquals(200, admin.putAccountWithHttpInfo(accountId).getStatusCode(), "account existed");

    ApiResponse<Repository> created =
        admin.createRepositoryWithHttpInfo(accountId, new RepositoryRequest().name("main"));
    assertEquals(201, created.getStatusCode(), "repository created");
    Repository repository = created.getData();
    assertEquals(accountId, repository.getAccountId(), "repository's account");
    assertNotNull(repository.getToken(), "token shown once");
    assertTrue(
        created.getHeaders().get("Location").get(0).endsWith("/repositories/" + repository.getId()),
        "repository location: " + created.getHeaders().get("Location"));

    universeId = UUID.randomUUID().toString();
    UniverseDefinition universe =
        admin.putUniverse(
            repository.getId(),
            universeId,
            new UniverseDefinition()
                .name("contacts")
                .entity("contact")
                .maxBatchSize(200)
                .field(List.of(new Field().name("name"), new Field().name("email"))));
    assertEquals(universeId, universe.getId(), "universe id");
    assertEquals(2, universe.getField().size(), "universe fields");
    Source source =
        admin.putSource(
            universeId,
            "SF",
            new SourceSettings()
                .allowContribute(true)
                .incorporation(SourceSettings.IncorporationEnum.PAUSED));
    assertEquals(Source.IncorporationEnum.PAUSED, source.getIncorporation(), "source paused");

    ApiClient hub = client("hubBasic", accountId, repository.getToken());
    cancellation = new CancellationApi(hub);
    batches = new BatchesApi(hub);
    universes = new UniversesApi(hub);
  }

  @Test
  void stageCancelAndReadJob() throws Exception {
    long first = stage("c1");
    long second = stage("c2");
    awaitState(first, BatchState.ENRICHED);
    awaitState(second, BatchState.ENRICHED);

    ApiResponse<CancellationJob> accepted =
        cancellation.cancelPendingBatchesWithHttpInfo(universeId, "SF", null);
    assertEquals(202, accepted.getStatusCode(), "cancel status");
    CancellationJob job = accepted.getData();
    assertEquals(universeId, job.getUniverseId(), "job universe");
    assertEquals("SF", job.getSourceId(), "job source");
    assertEquals(accountId, job.getRequestedBy(), "job requester");
    assertNotNull(job.getRequestedAt(), "job request time");
    assertTrue(
        accepted.getHeaders().get("Location").get(0).contains("/cancelPendingBatches/"),
        "job location: " + accepted.getHeaders().get("Location"));

    CancellationJob ended = awaitJobEnd(job.getId());
    assertEquals(JobState.COMPLETED, ended.getState(), "job state");
    assertEquals(2, ended.getCanceledCount(), "canceled count");
    assertEquals(0L, ended.getPendingRemaining(), "pending remaining");
    assertNotNull(ended.getEndedAt(), "job end time");

    Batch batch = batches.getBatchUpdateStatus(universeId, first, null);
    assertEquals(BatchState.CANCELED, batch.getState(), "batch state");
    assertEquals(job.getId(), batch.getCanceledByJob(), "batch canceled by the job");

    CancellationJobPage history =
        cancellation.listCancellationJobs(universeId, "SF", null, null, 10);
    assertEquals(1L, history.getTotalCount(), "jobs in the history");
    assertEquals(job.getId(), history.getBatchCancellationJob().get(0).getId(), "job listed");

    BatchHistoryResponse canceled =
        batches.queryBatchHistory(
            universeId, new BatchHistoryQuery().state(List.of(BatchState.CANCELED)), null);
    assertEquals(2L, canceled.getTotalCount(), "canceled batches in the history");
    assertEquals(second, canceled.getBatch().get(0).getBatchId(), "newest batch first");

    DeployedUniverse universe = universes.getDeployedUniverse(universeId, null);
    SourceStats stats = universe.getSourceStats().get(0);
    assertEquals("SF", stats.getSourceCode(), "statistics source");
    assertEquals(0L, stats.getPendingBatchUpdates(), "pending batches after the job");
  }

  @Test
  void typedBadRequest() {
    ErrorResponse error =
        expectError(400, () -> cancellation.cancelPendingBatches(" ", "SF", null));
    assertEquals(List.of("The given universe id is blank."), error.getMessage(), "messages");
    assertNotNull(error.getRequestId(), "request id in the error body");
  }

  @Test
  void typedNotFound() {
    String unknown = UUID.randomUUID().toString();
    ErrorResponse error =
        expectError(404, () -> cancellation.cancelPendingBatches(unknown, "SF", null));
    assertEquals(
        List.of(
            "A universe with id '" + unknown + "' does not exist.",
            "Universe definition with id '"
                + unknown
                + "' could not be loaded from plugin component directory 'plugins/mdm/bundles/"
                + unknown
                + "'."),
        error.getMessage(),
        "messages");
    ErrorResponse batch =
        expectError(404, () -> batches.getBatchUpdateStatus(universeId, 999_999_999L, null));
    assertEquals(
        List.of("A batch with id '999999999' does not exist."), batch.getMessage(), "batch");
  }

  @Test
  void typedConflict() throws Exception {
    long batchId = stage("c1");
    awaitState(batchId, BatchState.ENRICHED);
    String jobId;
    try (BatchRowLock lock = BatchRowLock.on(batchId)) {
      jobId = cancellation.cancelPendingBatches(universeId, "SF", null).getId();
      ErrorResponse error =
          expectError(409, () -> cancellation.cancelPendingBatches(universeId, "SF", null));
      assertEquals(
          List.of("Batch cancellation job " + jobId + " is already in progress"),
          error.getMessage(),
          "messages");
    }
    assertEquals(JobState.COMPLETED, awaitJobEnd(jobId).getState(), "job after the lock");
  }

  private static ApiClient client(String scheme, String user, String password) {
    ApiClient client = new ApiClient().setBasePath(HubClient.BASE_URL);
    HttpBasicAuth basic = (HttpBasicAuth) client.getAuthentication(scheme);
    basic.setUsername(user);
    basic.setPassword(password);
    return client;
  }

  private long stage(String entityId) throws Exception {
    File body = folder.resolve(entityId + ".xml").toFile();
    Files.writeString(
        body.toPath(),
        "<batch src=\"SF\"><contact><id>" + entityId + "</id><name>n</name></contact></batch>",
        StandardCharsets.UTF_8);
    String url = batches.updateGoldenRecords(universeId, body, null).trim();
    assertTrue(url.contains("/records/updates/"), "batch URL: " + url);
    return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
  }

  private void awaitState(long batchId, BatchState expected) throws Exception {
    BatchState state = null;
    for (int i = 0; i < 150 && state != expected; i++) {
      state = batches.getBatchUpdateStatus(universeId, batchId, null).getState();
      Thread.sleep(100);
    }
    assertEquals(expected, state, "state of batch " + batchId);
  }

  private CancellationJob awaitJobEnd(String jobId) throws Exception {
    for (int i = 0; i < 300; i++) {
      CancellationJob job = cancellation.getCancellationJob(universeId, "SF", jobId, null);
      if (job.getState() != JobState.RUNNING) {
        return job;
      }
      Thread.sleep(100);
    }
    return fail("job " + jobId + " still running after 30 s");
  }

  /** A call the test expects to fail with a typed error body. */
  private interface Call {
    Object run() throws ApiException;
  }

  private static ErrorResponse expectError(int status, Call call) {
    ApiException exception = assertThrows(ApiException.class, call::run, "expected " + status);
    assertEquals(status, exception.getCode(), "status of " + exception.getResponseBody());
    return assertInstanceOf(
        ErrorResponse.class, exception.getErrorEntity(), "typed error of " + status);
  }
}
