package io.mdmhub.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import org.junit.jupiter.api.Test;

/** Readiness and liveness respond without credentials and name their checks only. */
class HealthIT {

  @Test
  void readinessUpWithDatabase() {
    Reply ready = HubClient.send("GET", "/health/ready", null, null, null);
    assertEquals(200, ready.status(), "status of " + ready.body());
    assertTrue(ready.body().contains("\"status\":\"UP\""), "overall status: " + ready.body());
    assertTrue(
        ready.body().contains("{\"name\":\"database\",\"status\":\"UP\",\"data\":{}}"),
        "database check without data: " + ready.body());
  }

  @Test
  void livenessUp() {
    Reply live = HubClient.send("GET", "/health/live", null, null, null);
    assertEquals(200, live.status(), "status of " + live.body());
    assertTrue(
        live.body().contains("{\"name\":\"application\",\"status\":\"UP\",\"data\":{}}"),
        "application check: " + live.body());
  }

  @Test
  void healthNamesChecksOnly() {
    Reply health = HubClient.send("GET", "/health", null, null, null);
    assertEquals(200, health.status(), "status of " + health.body());
    assertFalse(health.body().contains("jdbc"), "no connection string: " + health.body());
    assertFalse(health.body().contains("Exception"), "no exception: " + health.body());
  }
}
