package io.mdmhub.cancellation;

import io.mdmhub.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Holds a write lock on one batch row from a separate connection until closed, so a cancellation
 * job that reaches the row waits, and stays RUNNING, for as long as a test needs.
 */
final class RowLock implements AutoCloseable {

  private final Connection connection;

  private RowLock(Connection connection) {
    this.connection = connection;
  }

  static RowLock on(long batchId) throws SQLException {
    Connection connection = TestDatabase.connect();
    connection.setAutoCommit(false);
    try (PreparedStatement touch =
        connection.prepareStatement("UPDATE batch SET updated_at = updated_at WHERE id = ?")) {
      touch.setLong(1, batchId);
      touch.executeUpdate();
    }
    return new RowLock(connection);
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
