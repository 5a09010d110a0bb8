package io.mdmhub.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A repository of an account. Its hub authentication token is kept only as a keyed hash, so the
 * token itself exists only in the response that created it.
 */
@Entity
@Table(name = "repository")
@NamedQuery(
    name = "Repository.byAccount",
    query = "SELECT r FROM Repository r WHERE r.accountId = :accountId ORDER BY r.createdAt")
@NamedQuery(
    name = "Repository.byAccountAndName",
    query = "SELECT r FROM Repository r WHERE r.accountId = :accountId AND r.name = :name")
public class Repository {

  @Id private String id;

  @Column(name = "account_id", nullable = false)
  private String accountId;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "token_created_at", nullable = false)
  private Instant tokenCreatedAt;

  protected Repository() {}

  public Repository(String id, String accountId, String name, Instant createdAt) {
    this.id = id;
    this.accountId = accountId;
    this.name = name;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getName() {
    return name;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  /** Replaces the token hash; the previous token stops working when this commits. */
  public void replaceTokenHash(String tokenHash, Instant when) {
    this.tokenHash = tokenHash;
    this.tokenCreatedAt = when;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
