package io.mdmhub.incorporation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The current record of one source entity in a universe, as the last incorporated batch left it. A
 * deleted record keeps its row with an end date; a later {@code UPSERT} or {@code CREATE} makes it
 * current again.
 */
@Entity
@Table(name = "source_record")
@IdClass(SourceRecord.Key.class)
public class SourceRecord {

  @Id
  @Column(name = "universe_id")
  private String universeId;

  @Id
  @Column(name = "source_code")
  private String sourceCode;

  @Id
  @Column(name = "entity_id")
  private String entityId;

  /** The entity's enriched fields as compact XML, as the batch stored them. */
  @Column(nullable = false, length = 32000)
  private String content;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "end_dated_at")
  private Instant endDatedAt;

  /** The batch that last changed the record. */
  @Column(name = "batch_id", nullable = false)
  private long batchId;

  protected SourceRecord() {}

  SourceRecord(Key key, String content, long batchId, Instant when) {
    this.universeId = key.universeId;
    this.sourceCode = key.sourceCode;
    this.entityId = key.entityId;
    this.content = content;
    this.batchId = batchId;
    this.createdAt = when;
    this.updatedAt = when;
  }

  boolean isCurrent() {
    return endDatedAt == null;
  }

  /** Replaces the content and makes the record current, ending any end date. */
  void replace(String content, long batchId, Instant when) {
    this.content = content;
    this.batchId = batchId;
    this.updatedAt = when;
    this.endDatedAt = null;
  }

  void endDate(long batchId, Instant when) {
    this.batchId = batchId;
    this.updatedAt = when;
    this.endDatedAt = when;
  }

  /** Primary key of a record: universe, source code and entity id. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String universeId;
    private String sourceCode;
    private String entityId;

    public Key() {}

    Key(String universeId, String sourceCode, String entityId) {
      this.universeId = universeId;
      this.sourceCode = sourceCode;
      this.entityId = entityId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(universeId, key.universeId)
          && Objects.equals(sourceCode, key.sourceCode)
          && Objects.equals(entityId, key.entityId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(universeId, sourceCode, entityId);
    }
  }
}
