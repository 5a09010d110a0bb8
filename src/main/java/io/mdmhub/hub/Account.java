package io.mdmhub.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant of the hub. Its id is the user name of Basic authentication. */
@Entity
@Table(name = "account")
public class Account {

  @Id private String id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Account() {}

  public Account(String id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
  }

  public String getId() {
    return id;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
