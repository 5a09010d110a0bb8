package io.mdmhub.admin;

import io.mdmhub.hub.Repository;
import io.mdmhub.hub.Source;
import io.mdmhub.hub.Universe;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** XML representations returned by the administration API. */
public final class AdminViews {

  private AdminViews() {}

  /** {@code <account id="…"/>}. */
  @XmlRootElement(name = "account")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class AccountXml {
    @XmlAttribute String id;

    public AccountXml() {}

    AccountXml(String id) {
      this.id = id;
    }
  }

  /** {@code <repository id name accountId>}, with the token only when it was just created. */
  @XmlRootElement(name = "repository")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class RepositoryXml {
    @XmlAttribute String id;
    @XmlAttribute String name;
    @XmlAttribute String accountId;
    @XmlElement String token;

    public RepositoryXml() {}

    RepositoryXml(Repository repository, String token) {
      this.id = repository.getId();
      this.name = repository.getName();
      this.accountId = repository.getAccountId();
      this.token = token;
    }
  }

  /** A field of a universe. */
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class FieldXml {
    @XmlAttribute String name;

    public FieldXml() {}

    FieldXml(String name) {
      this.name = name;
    }
  }

  /** {@code <universe id name entity maxBatchSize version repositoryId><field/>…</universe>}. */
  @XmlRootElement(name = "universe")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class UniverseXml {
    @XmlAttribute String id;
    @XmlAttribute String name;
    @XmlAttribute String entity;
    @XmlAttribute Integer maxBatchSize;
    @XmlAttribute Integer version;
    @XmlAttribute String repositoryId;

    @XmlElement(name = "field")
    List<FieldXml> fields = new ArrayList<>();

    public UniverseXml() {}

    UniverseXml(Universe universe) {
      this.id = universe.getId();
      this.name = universe.getName();
      this.entity = universe.getEntityName();
      this.maxBatchSize = universe.getMaxBatchSize();
      this.version = universe.getVersion();
      this.repositoryId = universe.getRepositoryId();
      universe.getFields().forEach(field -> fields.add(new FieldXml(field)));
    }
  }

  /** {@code <source code universeId allowContribute incorporation/>}. */
  @XmlRootElement(name = "source")
  @XmlAccessorType(XmlAccessType.FIELD)
  public static class SourceXml {
    @XmlAttribute String code;
    @XmlAttribute String universeId;
    @XmlAttribute Boolean allowContribute;
    @XmlAttribute String incorporation;

    public SourceXml() {}

    SourceXml(Source source) {
      this.code = source.getCode();
      this.universeId = source.getUniverseId();
      this.allowContribute = source.isAllowContribute();
      this.incorporation = source.getIncorporation().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
