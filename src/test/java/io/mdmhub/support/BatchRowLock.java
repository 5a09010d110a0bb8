package io.mdmhub.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Holds a write lock on one batch row from a separate connection until closed. A cancellation job
 * that reaches the row waits for the lock, so its job stays {@code RUNNING} for as long as a test
 * needs. Derby gives up on a lock after 60 seconds by default, so a test should hold it for less.
 */
public final class BatchRowLock implements AutoCloseable {

  private final Connection connection;

  private BatchRowLock(Connection connection) {
    this.connection = connection;
  }

  /** Locks the batch row with this id by updating it in a transaction left open. */
  public static BatchRowLock on(long batchId) throws SQLException {
    Connection connection = TestDatabase.connect();
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement touch =
          connection.prepareStatement("UPDATE batch SET updated_at = updated_at WHERE id = ?")) {
        touch.setLong(1, batchId);
        if (touch.executeUpdate() != 1) {
          throw new IllegalStateException("No batch row with id " + batchId + " to lock");
        }
      }
      return new BatchRowLock(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Rolls the transaction back, which releases the lock. */
  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
