package io.mdmhub.audit;

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
 * One row of the audit trail. Values taken from the request path are cut to the column length,
 * because a rejected request may carry any text there. No field ever contains a credential.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  private static final int ID_LENGTH = 255;
  private static final int DETAIL_LENGTH = 2000;

  @Id
  @SequenceGenerator(name = "auditIds", sequenceName = "audit_event_id_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auditIds")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "request_id", nullable = false)
  private String requestId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AuditAction action;

  @Column(nullable = false)
  private int status;

  @Column(nullable = false)
  private String outcome;

  private String caller;

  @Column(name = "auth_scheme")
  private String authScheme;

  @Column(name = "account_id")
  private String accountId;

  @Column(name = "repository_id")
  private String repositoryId;

  @Column(name = "universe_id")
  private String universeId;

  @Column(name = "source_code")
  private String sourceCode;

  @Column(name = "job_id")
  private String jobId;

  private String detail;

  protected AuditEvent() {}

  /**
   * Creates an event; the outcome is {@code ACCEPTED} for a 2xx status and {@code REJECTED}
   * otherwise.
   */
  public AuditEvent(Instant occurredAt, String requestId, AuditAction action, int status) {
    this.occurredAt = occurredAt;
    this.requestId = requestId;
    this.action = action;
    this.status = status;
    this.outcome = status >= 200 && status < 300 ? "ACCEPTED" : "REJECTED";
  }

  public AuditEvent caller(String caller, String authScheme, String accountId) {
    this.caller = cut(caller, ID_LENGTH);
    this.authScheme = authScheme;
    this.accountId = cut(accountId, 64);
    return this;
  }

  public AuditEvent target(String repositoryId, String universeId, String sourceCode) {
    this.repositoryId = cut(repositoryId, ID_LENGTH);
    this.universeId = cut(universeId, ID_LENGTH);
    this.sourceCode = cut(sourceCode, ID_LENGTH);
    return this;
  }

  public AuditEvent jobId(String jobId) {
    this.jobId = cut(jobId, ID_LENGTH);
    return this;
  }

  public AuditEvent detail(String detail) {
    this.detail = cut(detail, DETAIL_LENGTH);
    return this;
  }

  void accountIfUnknown(String accountId) {
    if (this.accountId == null) {
      this.accountId = accountId;
    }
  }

  private static String cut(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getRequestId() {
    return requestId;
  }

  public AuditAction getAction() {
    return action;
  }

  public int getStatus() {
    return status;
  }

  public String getOutcome() {
    return outcome;
  }

  public String getCaller() {
    return caller;
  }

  public String getAuthScheme() {
    return authScheme;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getRepositoryId() {
    return repositoryId;
  }

  public String getUniverseId() {
    return universeId;
  }

  public String getSourceCode() {
    return sourceCode;
  }

  public String getJobId() {
    return jobId;
  }

  public String getDetail() {
    return detail;
  }
}
