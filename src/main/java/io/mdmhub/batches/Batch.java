package io.mdmhub.batches;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One request of source entities sent by a source to a universe. State changes after creation go
 * through conditional updates in {@link BatchProcessor} and the cancellation job, so a batch that
 * moved on is never overwritten.
 */
@Entity
@Table(name = "batch")
public class Batch {

  @Id
  @SequenceGenerator(name = "batchIds", sequenceName = "batch_id_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "batchIds")
  private Long id;

  @Column(name = "universe_id", nullable = false)
  private String universeId;

  @Column(name = "source_code", nullable = false)
  private String sourceCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BatchState state;

  @Column(name = "created_by_type", nullable = false)
  private String createdByType;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "entity_count", nullable = false)
  private int entityCount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "parse_started_at")
  private Instant parseStartedAt;

  @Column(name = "parse_ended_at")
  private Instant parseEndedAt;

  @Column(name = "enrich_started_at")
  private Instant enrichStartedAt;

  @Column(name = "enrich_ended_at")
  private Instant enrichEndedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(length = 2000)
  private String message;

  @Column(name = "canceled_by_job")
  private String canceledByJob;

  @Column(name = "process_started_at")
  private Instant processStartedAt;

  @Column(name = "created_count")
  private Integer createdCount;

  @Column(name = "updated_count")
  private Integer updatedCount;

  @Column(name = "deleted_count")
  private Integer deletedCount;

  @Column(name = "errored_count")
  private Integer erroredCount;

  protected Batch() {}

  public Batch(
      String universeId,
      String sourceCode,
      String createdByType,
      String createdBy,
      int entityCount,
      Instant createdAt) {
    this.universeId = universeId;
    this.sourceCode = sourceCode;
    this.createdByType = createdByType;
    this.createdBy = createdBy;
    this.entityCount = entityCount;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.state = BatchState.CREATED;
  }

  void startParsing(Instant when) {
    state = BatchState.PARSING;
    parseStartedAt = when;
    updatedAt = when;
  }

  void parsed(Instant when) {
    state = BatchState.PARSED;
    parseEndedAt = when;
    updatedAt = when;
  }

  void startEnriching(Instant when) {
    state = BatchState.ENRICHING;
    enrichStartedAt = when;
    updatedAt = when;
  }

  void enriched(Instant when) {
    state = BatchState.ENRICHED;
    enrichEndedAt = when;
    updatedAt = when;
  }

  void errored(String reason, Instant when) {
    state = BatchState.ERRORED;
    message = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    endedAt = when;
    updatedAt = when;
  }

  /**
   * Records the end of incorporation: the final state, the number of records created, updated,
   * end-dated and rejected, and the messages of the rejected entities (null when none).
   */
  public void incorporated(
      BatchState finalState, RecordCounts counts, String messages, Instant when) {
    if (!BatchState.INCORPORATED.contains(finalState)) {
      throw new IllegalArgumentException("Not a final state of incorporation: " + finalState);
    }
    state = finalState;
    createdCount = counts.created();
    updatedCount = counts.updated();
    deletedCount = counts.deleted();
    erroredCount = counts.errored();
    message =
        messages == null || messages.length() <= 2000 ? messages : messages.substring(0, 2000);
    endedAt = when;
    updatedAt = when;
  }

  public Long getId() {
    return id;
  }

  public String getUniverseId() {
    return universeId;
  }

  public String getSourceCode() {
    return sourceCode;
  }

  public BatchState getState() {
    return state;
  }

  public int getEntityCount() {
    return entityCount;
  }

  public String getMessage() {
    return message;
  }

  public String getCanceledByJob() {
    return canceledByJob;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getCreatedByType() {
    return createdByType;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getParseStartedAt() {
    return parseStartedAt;
  }

  public Instant getParseEndedAt() {
    return parseEndedAt;
  }

  public Instant getEnrichStartedAt() {
    return enrichStartedAt;
  }

  public Instant getEnrichEndedAt() {
    return enrichEndedAt;
  }

  public Instant getProcessStartedAt() {
    return processStartedAt;
  }

  /** Returns the outcome counts, or null before the batch is incorporated. */
  public RecordCounts getRecordCounts() {
    if (createdCount == null) {
      return null;
    }
    return new RecordCounts(createdCount, updatedCount, deletedCount, erroredCount);
  }

  /** Numbers of records a batch created, updated and end-dated, and of entities rejected. */
  public record RecordCounts(int created, int updated, int deleted, int errored) {}
}
