package io.mdmhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelog {@code db/changelog.xml} before any other bean uses the database.
 * Liquibase's lock table keeps nodes that start together from migrating twice.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
  private static final String CHANGELOG = "db/changelog.xml";

  @Resource(lookup = "jdbc/mdm")
  private DataSource dataSource;

  // Repeated on the callback because Payara ignores the class-level attribute for @PostConstruct.
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    // Liquibase 4.30 and later may send usage data unless this is off.
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Liquibase liquibase =
          new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(classLoader()), database);
      liquibase.update("");
      // Liquibase turns auto-commit off; commit what it left open, or the container rolls it
      // back when this method's local transaction ends and fails the start.
      if (!connection.getAutoCommit()) {
        connection.commit();
        connection.setAutoCommit(true);
      }
      LOG.info("Database schema is up to date");
    } catch (SQLException | LiquibaseException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }

  private static ClassLoader classLoader() {
    return SchemaMigrator.class.getClassLoader();
  }
}
