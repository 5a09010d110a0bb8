package io.mdmhub.hub;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A contributing system attached to a universe, identified there by its code. */
@Entity
@Table(name = "source")
@IdClass(Source.Key.class)
public class Source {

  /** Whether the hub incorporates the source's enriched batches or keeps them waiting. */
  public enum Incorporation {
    RUNNING,
    PAUSED
  }

  @Id
  @Column(name = "universe_id")
  private String universeId;

  @Id private String code;

  @Column(name = "allow_contribute", nullable = false)
  private boolean allowContribute;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Incorporation incorporation;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Source() {}

  public Source(String universeId, String code, Instant createdAt) {
    this.universeId = universeId;
    this.code = code;
    this.createdAt = createdAt;
  }

  /** Applies a new configuration and returns whether anything changed. */
  public boolean configure(boolean allowContribute, Incorporation incorporation) {
    boolean changed =
        this.incorporation == null
            || this.allowContribute != allowContribute
            || this.incorporation != incorporation;
    this.allowContribute = allowContribute;
    this.incorporation = incorporation;
    return changed;
  }

  public String getUniverseId() {
    return universeId;
  }

  public String getCode() {
    return code;
  }

  public boolean isAllowContribute() {
    return allowContribute;
  }

  public Incorporation getIncorporation() {
    return incorporation;
  }

  /** Primary key of a source: its universe and code. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String universeId;
    private String code;

    public Key() {}

    public Key(String universeId, String code) {
      this.universeId = universeId;
      this.code = code;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(universeId, key.universeId)
          && Objects.equals(code, key.code);
    }

    @Override
    public int hashCode() {
      return Objects.hash(universeId, code);
    }
  }
}
