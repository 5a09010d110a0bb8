package io.mdmhub.hub;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A deployed model (domain) of a repository, such as {@code contacts}. */
@Entity
@Table(name = "universe")
public class Universe {

  @Id private String id;

  @Column(name = "repository_id", nullable = false)
  private String repositoryId;

  @Column(nullable = false)
  private String name;

  /** Element name of one entity in a batch, such as {@code contact}. */
  @Column(name = "entity_name", nullable = false)
  private String entityName;

  @Column(name = "max_batch_size", nullable = false)
  private int maxBatchSize;

  @Column(nullable = false)
  private int version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "universe_field", joinColumns = @JoinColumn(name = "universe_id"))
  @OrderColumn(name = "ordinal")
  @Column(name = "name")
  private List<String> fields = new ArrayList<>();

  protected Universe() {}

  public Universe(String id, String repositoryId, Instant createdAt) {
    this.id = id;
    this.repositoryId = repositoryId;
    this.createdAt = createdAt;
  }

  /** Replaces the definition and raises the version when anything changed. */
  public boolean define(String name, String entityName, int maxBatchSize, List<String> fields) {
    boolean changed =
        version == 0
            || !name.equals(this.name)
            || !entityName.equals(this.entityName)
            || maxBatchSize != this.maxBatchSize
            || !fields.equals(this.fields);
    if (changed) {
      this.name = name;
      this.entityName = entityName;
      this.maxBatchSize = maxBatchSize;
      this.fields = new ArrayList<>(fields);
      this.version++;
    }
    return changed;
  }

  public String getId() {
    return id;
  }

  public String getRepositoryId() {
    return repositoryId;
  }

  public String getName() {
    return name;
  }

  public String getEntityName() {
    return entityName;
  }

  public int getMaxBatchSize() {
    return maxBatchSize;
  }

  public int getVersion() {
    return version;
  }

  public List<String> getFields() {
    return List.copyOf(fields);
  }
}
