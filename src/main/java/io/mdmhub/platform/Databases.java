package io.mdmhub.platform;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;

/** Facts about the database behind an entity manager, for the few statements that differ. */
public final class Databases {

  private Databases() {}

  /** Returns whether the entity manager's current transaction runs on PostgreSQL. */
  public static boolean isPostgresql(EntityManager em) {
    try {
      return em.unwrap(Connection.class)
          .getMetaData()
          .getDatabaseProductName()
          .equals("PostgreSQL");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the database product name failed: " + e.getMessage(), e);
    }
  }
}
