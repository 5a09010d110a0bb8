package io.mdmhub.batches;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The XML body a batch was staged with, kept apart so batch queries never load it. */
@Entity
@Table(name = "batch_payload")
public class BatchPayload {

  @Id
  @Column(name = "batch_id")
  private Long batchId;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private String body;

  protected BatchPayload() {}

  public BatchPayload(Long batchId, String body) {
    this.batchId = batchId;
    this.body = body;
  }

  public String getBody() {
    return body;
  }
}
