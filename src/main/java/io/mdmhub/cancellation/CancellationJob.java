package io.mdmhub.cancellation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One Cancel Pending Batches request for a (universe, source) pair: who asked and how, on which
 * node it runs, until when its lease holds, and its outcome.
 */
@Entity
@Table(name = "cancellation_job")
public class CancellationJob {

  @Id private String id;

  @Column(name = "universe_id", nullable = false)
  private String universeId;

  @Column(name = "source_code", nullable = false)
  private String sourceCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private JobState state;

  @Column(nullable = false)
  private String node;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "auth_scheme", nullable = false)
  private String authScheme;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "lease_until", nullable = false)
  private Instant leaseUntil;

  @Column(name = "canceled_count")
  private Integer canceledCount;

  @Column(name = "pending_remaining")
  private Long pendingRemaining;

  @Column(length = 2000)
  private String message;

  protected CancellationJob() {}

  CancellationJob(
      String id,
      String universeId,
      String sourceCode,
      String node,
      String requestedBy,
      String authScheme,
      Instant requestedAt,
      Instant leaseUntil) {
    this.id = id;
    this.universeId = universeId;
    this.sourceCode = sourceCode;
    this.node = node;
    this.requestedBy = requestedBy;
    this.authScheme = authScheme;
    this.requestedAt = requestedAt;
    this.leaseUntil = leaseUntil;
    this.state = JobState.RUNNING;
  }

  boolean holdsLease(Instant now) {
    return state == JobState.RUNNING && leaseUntil.isAfter(now);
  }

  public String getId() {
    return id;
  }

  public String getUniverseId() {
    return universeId;
  }

  public String getSourceCode() {
    return sourceCode;
  }

  public JobState getState() {
    return state;
  }

  public String getNode() {
    return node;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public String getAuthScheme() {
    return authScheme;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Instant getLeaseUntil() {
    return leaseUntil;
  }

  public Integer getCanceledCount() {
    return canceledCount;
  }

  public Long getPendingRemaining() {
    return pendingRemaining;
  }

  public String getMessage() {
    return message;
  }
}
