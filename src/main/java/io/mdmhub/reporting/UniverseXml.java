package io.mdmhub.reporting;

import io.mdmhub.hub.Source;
import io.mdmhub.hub.Universe;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deployed universe with one {@code <sourceStats>} per attached source: its pending batches
 * ({@code PARSED} or {@code ENRICHED}) and the number of entities they contain.
 */
@XmlRootElement(name = "universe")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"id", "name", "version", "sourceStats"})
public class UniverseXml {

  @XmlElement String id;
  @XmlElement String name;
  @XmlElement int version;

  @XmlElement(name = "sourceStats")
  List<SourceStats> sourceStats = new ArrayList<>();

  public UniverseXml() {}

  UniverseXml(Universe universe) {
    id = universe.getId();
    name = universe.getName();
    version = universe.getVersion();
  }

  /** {@code <sourceStats sourceCode incorporation pendingBatchUpdates pendingBatchRecords/>}. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class SourceStats {
    @XmlAttribute String sourceCode;
    @XmlAttribute String incorporation;
    @XmlAttribute long pendingBatchUpdates;
    @XmlAttribute long pendingBatchRecords;

    public SourceStats() {}

    SourceStats(Source source, long pendingBatchUpdates, long pendingBatchRecords) {
      sourceCode = source.getCode();
      incorporation = source.getIncorporation().name().toLowerCase(Locale.ROOT);
      this.pendingBatchUpdates = pendingBatchUpdates;
      this.pendingBatchRecords = pendingBatchRecords;
    }
  }

  /** {@code <universes>} of the caller's repository, ordered by name. */
  @XmlRootElement(name = "universes")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class Listing {
    @XmlElement(name = "universe")
    List<UniverseXml> universes = new ArrayList<>();

    public Listing() {}

    Listing(List<UniverseXml> universes) {
      this.universes = universes;
    }
  }
}
