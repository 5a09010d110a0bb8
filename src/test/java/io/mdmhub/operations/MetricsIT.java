package io.mdmhub.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.BatchRowLock;
import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import io.mdmhub.support.Tenant;
import io.mdmhub.support.TestDatabase;
import io.mdmhub.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads {@code /metrics} before and after a known sequence of requests. Request counters must move
 * by exactly the requests sent, because failsafe runs one test at a time. Job counters may also
 * count the last jobs of earlier tests, so they are checked as lower bounds.
 */
class MetricsIT {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? ([-0-9.eE+NaInf]+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]+)=\"([^\"]*)\"");

  private static final String BATCH =
      "<batch src=\"SF\"><contact><id>m1</id><name>n</name></contact></batch>";

  @Test
  void countersFollowRequests() throws Exception {
    Tenant tenant = HubClient.newTenant();
    Map<String, Double> before = scrape();

    assertEquals(202, tenant.stage(BATCH).status(), "staging");
    assertEquals(202, tenant.stage(BATCH).status(), "second staging");
    assertEquals(400, tenant.stage("<nope/>").status(), "staging a wrong root");
    List<Long> pending = TestDatabase.insertBatches(tenant.universeId(), "NS", "ENRICHED", 3);
    String jobId;
    try (BatchRowLock lock = BatchRowLock.on(pending.get(0))) {
      Reply accepted = tenant.cancel("NS");
      assertEquals(202, accepted.status(), "cancel");
      jobId = accepted.element("id");
      assertEquals(409, tenant.cancel("NS").status(), "cancel during the job");
    }
    assertEquals(404, tenant.cancel("XX").status(), "cancel of an unknown source");
    Reply unauthorized =
        HubClient.send("POST", tenant.cancelPath("NS"), HubClient.basic("x", "y"), null, null);
    assertEquals(401, unauthorized.status(), "cancel with wrong credentials");
    awaitJobEnd(tenant, jobId);

    Map<String, Double> after = scrape();
    assertEquals(1, delta(before, after, "mdm_cancel_requests_total", "202"), "cancel 202");
    assertEquals(1, delta(before, after, "mdm_cancel_requests_total", "409"), "cancel 409");
    assertEquals(2, delta(before, after, "mdm_cancel_requests_total", "4xx"), "cancel 404, 401");
    assertEquals(0, delta(before, after, "mdm_cancel_requests_total", "5xx"), "cancel 5xx");
    assertEquals(2, delta(before, after, "mdm_staging_requests_total", "202"), "staging 202");
    assertEquals(1, delta(before, after, "mdm_staging_requests_total", "4xx"), "staging 400");
    assertTrue(
        delta(before, after, "mdm_cancellation_jobs_total", "completed") >= 1, "jobs completed");
    assertTrue(delta(before, after, "mdm_batches_canceled_total", null) >= 3, "batches canceled");
    assertTrue(
        delta(before, after, "mdm_cancellation_job_duration_seconds_count", null) >= 1,
        "job durations recorded");
    double durationSum = delta(before, after, "mdm_cancellation_job_duration_seconds_sum", null);
    assertTrue(durationSum > 0, "job duration sum: " + durationSum);
    assertTrue(durationSum < 60, "job duration sum in seconds: " + durationSum);
    double durationMax = after.get("mdm_cancellation_job_duration_seconds_max|");
    if (TestServer.PAYARA) {
      // Payara Micro 6.2025.10 exports a timer's maximum in nanoseconds under the _seconds name.
      assertTrue(durationMax > 1e6, "longest job duration in nanoseconds: " + durationMax);
    } else {
      assertTrue(durationMax > 0, "longest job duration: " + durationMax);
      assertTrue(durationMax < 60, "longest job duration in seconds: " + durationMax);
    }
  }

  @Test
  void pendingGaugePerSource() throws Exception {
    Tenant tenant = HubClient.newTenant();
    TestDatabase.insertBatches(tenant.universeId(), "SF", "ENRICHED", 4);
    TestDatabase.insertBatches(tenant.universeId(), "SF", "PARSED", 1);
    TestDatabase.insertBatches(tenant.universeId(), "SF", "COMPLETED", 2);
    String sf = "mdm_batches_pending|source=SF,universe=" + tenant.universeId();
    String ns = "mdm_batches_pending|source=NS,universe=" + tenant.universeId();

    assertEquals(5.0, awaitValue(sf, 5.0), "pending batches of SF");
    assertEquals(0.0, scrape().get(ns), "pending batches of NS");
  }

  @Test
  void prometheusFormatWithoutCredentials() {
    Reply metrics = HubClient.send("GET", "/metrics?scope=application", null, null, null);
    assertEquals(200, metrics.status(), "status");
    assertTrue(
        metrics.body().contains("# TYPE mdm_cancel_requests_total counter"), "counter type line");
  }

  /** Polls until the series has the value; the gauge is refreshed every few seconds. */
  private static Double awaitValue(String key, double expected) throws InterruptedException {
    Double value = null;
    for (int i = 0; i < 60; i++) {
      value = scrape().get(key);
      if (value != null && value == expected) {
        return value;
      }
      Thread.sleep(500);
    }
    return value;
  }

  private static void awaitJobEnd(Tenant tenant, String jobId) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Reply job =
          HubClient.send("GET", tenant.cancelPath("NS") + "/" + jobId, tenant.auth(), null, null);
      if (!"RUNNING".equals(job.element("state"))) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static double delta(
      Map<String, Double> before, Map<String, Double> after, String name, String outcome) {
    String key = name + "|" + (outcome == null ? "" : "outcome=" + outcome);
    return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
  }

  /**
   * Reads the application metrics as {@code name|label=value,…} (labels sorted, {@code mp_scope}
   * left out) to value.
   */
  static Map<String, Double> scrape() {
    Reply reply = HubClient.send("GET", "/metrics?scope=application", null, null, null);
    assertEquals(200, reply.status(), "status of /metrics");
    Map<String, Double> samples = new TreeMap<>();
    for (String line : reply.body().split("\n")) {
      Matcher sample = SAMPLE.matcher(line.trim());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new TreeMap<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          if (!label.group(1).equals("mp_scope")) {
            labels.put(label.group(1), label.group(2));
          }
        }
      }
      StringBuilder key = new StringBuilder(sample.group(1)).append('|');
      labels.forEach(
          (k, v) ->
              key.append(key.charAt(key.length() - 1) == '|' ? "" : ",")
                  .append(k)
                  .append('=')
                  .append(v));
      samples.put(key.toString(), Double.parseDouble(sample.group(4)));
    }
    return samples;
  }
}
