package io.mdmhub.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the node is ready while its database returns a trivial query within {@code
 * mdm.health.db-timeout-seconds}. A query on a connection the database has closed fails with a
 * connection error, which makes Liberty discard its pooled connections, so the check recovers as
 * soon as new connections succeed. The response names the check only: connection strings and errors
 * go to the log, never to the health body.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  static final String NAME = "database";

  private static final Logger LOG = Logger.getLogger(DatabaseReadinessCheck.class.getName());

  @Resource(lookup = "jdbc/mdm")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "mdm.health.db-timeout-seconds", defaultValue = "2")
  int timeoutSeconds;

  private volatile boolean down;

  /** Logs only the changes between ready and not ready, so a long outage logs one warning. */
  @Override
  public HealthCheckResponse call() {
    Exception failure = queryDatabase();
    boolean up = failure == null;
    if (up && down) {
      LOG.log(Level.INFO, "The database answers again: the node is ready");
    } else if (!up && !down) {
      LOG.log(Level.WARNING, "The database does not answer: the node is not ready", failure);
    }
    down = !up;
    return HealthCheckResponse.named(NAME).status(up).build();
  }

  /** Runs the trivial query, returning its failure or null. */
  private Exception queryDatabase() {
    // NOTE: getConnection() itself is not bounded by the timeout. A database host that drops
    // packets rather than refusing connections makes the check wait for the driver's connect
    // timeout.
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(timeoutSeconds);
      String product = connection.getMetaData().getDatabaseProductName();
      statement.execute(product.startsWith("Apache Derby") ? "VALUES 1" : "SELECT 1");
      return null;
    } catch (SQLException | RuntimeException e) {
      return e;
    }
  }
}
