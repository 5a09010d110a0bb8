package io.mdmhub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct JDBC access to the running server's database, for seeding batches in bulk and for checking
 * the state that requests left behind. It reaches embedded Derby through the network server the
 * Maven-run Liberty starts on loopback, or PostgreSQL.
 */
public final class TestDatabase {

  public static final boolean POSTGRESQL =
      "postgresql".equals(System.getProperty("mdm.test.db", "derby"));

  private TestDatabase() {}

  public static Connection connect() throws SQLException {
    if (POSTGRESQL) {
      return DriverManager.getConnection(
          System.getProperty("mdm.test.dbUrl"),
          System.getProperty("mdm.test.dbUser"),
          System.getProperty("mdm.test.dbPassword", ""));
    }
    // Liberty's embedded datasource has no user, so its tables are in schema APP.
    return DriverManager.getConnection(System.getProperty("mdm.test.derbyUrl"), "APP", "APP");
  }

  /** Inserts {@code count} batches of one pair in one state, ids from the batch sequence. */
  public static List<Long> insertBatches(
      String universeId, String sourceCode, String state, int count) throws SQLException {
    String nextId = POSTGRESQL ? "nextval('batch_id_seq')" : "NEXT VALUE FOR batch_id_seq";
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO batch (id, universe_id, source_code, state, created_by_type,"
                  + " created_by, entity_count, created_at, updated_at) VALUES ("
                  + nextId
                  + ", ?, ?, ?, 'BASIC', 'seed', 1, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          insert.setString(1, universeId);
          insert.setString(2, sourceCode);
          insert.setString(3, state);
          insert.setTimestamp(4, now);
          insert.setTimestamp(5, now);
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      connection.setAutoCommit(true);
      return batchIds(connection, universeId, sourceCode, state);
    }
  }

  private static List<Long> batchIds(
      Connection connection, String universeId, String sourceCode, String state)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id FROM batch WHERE universe_id = ? AND source_code = ? AND state = ?"
                + " ORDER BY id")) {
      query.setString(1, universeId);
      query.setString(2, sourceCode);
      query.setString(3, state);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      return ids;
    }
  }

  /** Returns the number of batches of a pair in each state. */
  public static Map<String, Integer> countByState(String universeId, String sourceCode)
      throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT state, COUNT(*) FROM batch WHERE universe_id = ? AND source_code = ?"
                    + " GROUP BY state")) {
      query.setString(1, universeId);
      query.setString(2, sourceCode);
      Map<String, Integer> counts = new HashMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
      return counts;
    }
  }

  /** Returns one row of a query with one parameter as column name to value, or null. */
  public static Map<String, Object> row(String sql, Object parameter) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          row.put(rows.getMetaData().getColumnLabel(i).toLowerCase(), rows.getObject(i));
        }
        return row;
      }
    }
  }

  /** Returns the first column of every row of a query with one parameter. */
  public static List<Object> column(String sql, Object parameter) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setObject(1, parameter);
      List<Object> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getObject(1));
        }
      }
      return values;
    }
  }
}
