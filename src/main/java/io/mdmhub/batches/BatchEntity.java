package io.mdmhub.batches;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One source entity of a parsed batch: its id, operation and fields as compact XML. The enrichment
 * step rewrites the content with white space in field values normalized.
 */
@Entity
@Table(name = "batch_entity")
@IdClass(BatchEntity.Key.class)
public class BatchEntity {

  /** Maximum content length of the column. A larger entity fails the batch's parsing. */
  public static final int MAX_CONTENT = 32000;

  @Id
  @Column(name = "batch_id")
  private Long batchId;

  @Id private int ordinal;

  @Column(name = "entity_id", nullable = false)
  private String entityId;

  @Column(nullable = false)
  private String op;

  @Column(nullable = false, length = MAX_CONTENT)
  private String content;

  protected BatchEntity() {}

  public BatchEntity(Long batchId, int ordinal, String entityId, String op, String content) {
    this.batchId = batchId;
    this.ordinal = ordinal;
    this.entityId = entityId;
    this.op = op;
    this.content = content;
  }

  public String getEntityId() {
    return entityId;
  }

  public String getOp() {
    return op;
  }

  public String getContent() {
    return content;
  }

  void replaceContent(String content) {
    this.content = content;
  }

  /** Primary key of a batch entity: its batch and position in the batch. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long batchId;
    private int ordinal;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(batchId, key.batchId)
          && ordinal == key.ordinal;
    }

    @Override
    public int hashCode() {
      return Objects.hash(batchId, ordinal);
    }
  }
}
