package io.mdmhub.reporting;

import io.mdmhub.batches.BatchState;
import io.mdmhub.hub.HubDirectory;
import io.mdmhub.hub.Repository;
import io.mdmhub.hub.Source;
import io.mdmhub.hub.Universe;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Get Deployed Universe and its list: universes with the pending batches of each source. */
@Stateless
public class UniverseService {

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject HubDirectory directory;

  /** Returns one universe of the caller's repository with its source statistics. */
  public UniverseXml universe(HubCaller caller, String repositoryId, String universeId) {
    Universe universe = directory.universe(caller, repositoryId, universeId);
    return describe(List.of(universe)).get(0);
  }

  /** Returns every universe of the caller's repository, ordered by name. */
  public UniverseXml.Listing universes(HubCaller caller, String repositoryId) {
    HubDirectory.requireRepositoryId(caller, repositoryId);
    Repository repository = directory.repository(caller, repositoryId);
    List<Universe> universes =
        em.createQuery(
                "SELECT u FROM Universe u WHERE u.repositoryId = :repositoryId"
                    + " ORDER BY u.name, u.id",
                Universe.class)
            .setParameter("repositoryId", repository.getId())
            .getResultList();
    return new UniverseXml.Listing(describe(universes));
  }

  private List<UniverseXml> describe(List<Universe> universes) {
    if (universes.isEmpty()) {
      return List.of();
    }
    List<String> ids = universes.stream().map(Universe::getId).toList();
    Map<Source.Key, long[]> pending = new HashMap<>();
    List<Object[]> rows =
        em.createQuery(
                "SELECT b.universeId, b.sourceCode, COUNT(b), SUM(b.entityCount) FROM Batch b"
                    + " WHERE b.universeId IN :ids AND b.state IN :pending"
                    + " GROUP BY b.universeId, b.sourceCode",
                Object[].class)
            .setParameter("ids", ids)
            .setParameter("pending", BatchState.PENDING)
            .getResultList();
    for (Object[] row : rows) {
      Source.Key key = new Source.Key((String) row[0], (String) row[1]);
      pending.put(key, new long[] {((Number) row[2]).longValue(), ((Number) row[3]).longValue()});
    }
    List<Source> sources =
        em.createQuery(
                "SELECT s FROM Source s WHERE s.universeId IN :ids ORDER BY s.code", Source.class)
            .setParameter("ids", ids)
            .getResultList();

    List<UniverseXml> views = new ArrayList<>();
    for (Universe universe : universes) {
      UniverseXml view = new UniverseXml(universe);
      for (Source source : sources) {
        if (source.getUniverseId().equals(universe.getId())) {
          long[] counts =
              pending.getOrDefault(
                  new Source.Key(source.getUniverseId(), source.getCode()), new long[2]);
          view.sourceStats.add(new UniverseXml.SourceStats(source, counts[0], counts[1]));
        }
      }
      views.add(view);
    }
    return views;
  }
}
