package io.mdmhub.cancellation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The row a cancellation request locks for its (universe, source) pair. Holding its write lock
 * while reading and replacing {@code currentJobId} makes "is a job running?" and "register a new
 * job" one step on every node that shares the database.
 */
@Entity
@Table(name = "cancellation_guard")
@IdClass(CancellationGuard.Key.class)
public class CancellationGuard {

  @Id
  @Column(name = "universe_id")
  private String universeId;

  @Id
  @Column(name = "source_code")
  private String sourceCode;

  @Column(name = "current_job_id")
  private String currentJobId;

  protected CancellationGuard() {}

  CancellationGuard(String universeId, String sourceCode) {
    this.universeId = universeId;
    this.sourceCode = sourceCode;
  }

  String getCurrentJobId() {
    return currentJobId;
  }

  void setCurrentJobId(String currentJobId) {
    this.currentJobId = currentJobId;
  }

  /** Primary key of a guard: the universe and source code. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String universeId;
    private String sourceCode;

    public Key() {}

    Key(String universeId, String sourceCode) {
      this.universeId = universeId;
      this.sourceCode = sourceCode;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(universeId, key.universeId)
          && Objects.equals(sourceCode, key.sourceCode);
    }

    @Override
    public int hashCode() {
      return Objects.hash(universeId, sourceCode);
    }
  }
}
