package io.mdmhub.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mdmhub.support.HubClient;
import io.mdmhub.support.HubClient.Reply;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Readiness goes DOWN while the server's database refuses connections and comes back UP once it
 * accepts them again. The outage is made on PostgreSQL by forbidding new connections to the test
 * database and terminating the server's open ones; embedded Derby cannot be taken away from the JVM
 * that runs it.
 */
@EnabledIfSystemProperty(
    named = "mdm.test.db",
    matches = "postgresql",
    disabledReason = "The outage is made with PostgreSQL commands; run .ci/postgresql-tests")
class DatabaseOutageIT {

  @Test
  void readinessFollowsDatabase() throws Exception {
    assertEquals(200, ready().status(), "ready before the outage");
    String database = databaseName(System.getProperty("mdm.test.dbUrl"));
    try (Connection admin = maintenanceConnection()) {
      try {
        execute(admin, "ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
        terminateConnections(admin, database);

        Reply down = awaitStatus(503);
        assertEquals(503, down.status(), "status during the outage: " + down.body());
        assertTrue(
            down.body().contains("{\"name\":\"database\",\"status\":\"DOWN\",\"data\":{}}"),
            "database check DOWN without details: " + down.body());
        assertFalse(down.body().contains("jdbc:"), "no connection string: " + down.body());
        assertFalse(down.body().contains("Exception"), "no exception: " + down.body());
        Reply live = HubClient.send("GET", "/health/live", null, null, null);
        assertEquals(200, live.status(), "liveness ignores the database");
      } finally {
        execute(admin, "ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
      }
    }
    Reply up = awaitStatus(200);
    assertEquals(200, up.status(), "status after the outage: " + up.body());
    assertTrue(up.body().contains("\"status\":\"UP\""), "UP again: " + up.body());
  }

  private static Reply ready() {
    return HubClient.send("GET", "/health/ready", null, null, null);
  }

  private static Reply awaitStatus(int status) throws InterruptedException {
    Reply reply = ready();
    for (int i = 0; i < 60 && reply.status() != status; i++) {
      Thread.sleep(500);
      reply = ready();
    }
    return reply;
  }

  /** Connects to the {@code postgres} database, which stays open during the outage. */
  private static Connection maintenanceConnection() throws SQLException {
    String url = System.getProperty("mdm.test.dbUrl");
    String maintenance = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
    return DriverManager.getConnection(
        maintenance,
        System.getProperty("mdm.test.dbUser"),
        System.getProperty("mdm.test.dbPassword", ""));
  }

  private static void terminateConnections(Connection admin, String database) throws SQLException {
    try (PreparedStatement terminate =
        admin.prepareStatement(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
      terminate.setString(1, database);
      terminate.execute();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Returns the database of a JDBC URL such as {@code jdbc:postgresql://host:5432/name?x=y}. */
  static String databaseName(String url) {
    String path = url.substring(url.lastIndexOf('/') + 1);
    int query = path.indexOf('?');
    String name = query < 0 ? path : path.substring(0, query);
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("Unexpected test database name: " + name);
    }
    return name;
  }
}
