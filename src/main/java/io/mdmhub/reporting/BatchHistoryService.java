package io.mdmhub.reporting;

import io.mdmhub.batches.Batch;
import io.mdmhub.hub.HubDirectory;
import io.mdmhub.hub.Universe;
import io.mdmhub.platform.BoundedBody;
import io.mdmhub.platform.Paging;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.InputStream;
import java.util.List;

/**
 * Query Batch History: a universe's batches matching a query, newest first. Pages follow the batch
 * id downwards from the previous page's last id, so batches staged between two requests never shift
 * a later page.
 */
@Stateless
public class BatchHistoryService {

  /** Largest query body; a real query is well under 1 KiB. */
  private static final long MAX_BODY_BYTES = 64 * 1024;

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject HubDirectory directory;

  /** Returns one page of the universe's batch history. */
  public BatchHistoryXml history(
      HubCaller caller, String repositoryId, String universeId, InputStream body) {
    // The body's 400 comes before the universe's 404, like every other 400.
    HubDirectory.requireNotBlank(caller, repositoryId, universeId, null);
    BatchHistoryQuery query = BatchHistoryQuery.parse(BoundedBody.read(body, MAX_BODY_BYTES));
    Universe universe = directory.universe(caller, repositoryId, universeId);
    String sourceCode = null;
    if (query.sourceId() != null) {
      sourceCode =
          directory.source(caller, repositoryId, universeId, query.sourceId()).sourceCode();
    }

    String filters = filters(query, sourceCode);
    long total =
        bind(
                em.createQuery("SELECT COUNT(b) FROM Batch b WHERE " + filters, Long.class),
                universe,
                query,
                sourceCode)
            .getSingleResult();
    String pageFilters = query.afterId() == null ? filters : filters + " AND b.id < :afterId";
    TypedQuery<Batch> pageQuery =
        bind(
            em.createQuery(
                "SELECT b FROM Batch b WHERE " + pageFilters + " ORDER BY b.id DESC", Batch.class),
            universe,
            query,
            sourceCode);
    if (query.afterId() != null) {
      pageQuery.setParameter("afterId", query.afterId());
    }
    // Reading one row more than the limit shows whether another page follows.
    List<Batch> rows = pageQuery.setMaxResults(query.limit() + 1).getResultList();
    List<Batch> page = rows.subList(0, Math.min(rows.size(), query.limit()));
    String next =
        rows.size() > query.limit()
            ? Paging.token(page.get(page.size() - 1).getId().toString())
            : null;
    return new BatchHistoryXml(total, page, next);
  }

  private static String filters(BatchHistoryQuery query, String sourceCode) {
    StringBuilder where = new StringBuilder("b.universeId = :universeId");
    if (sourceCode != null) {
      where.append(" AND b.sourceCode = :sourceCode");
    }
    if (!query.states().isEmpty()) {
      where.append(" AND b.state IN :states");
    }
    if (query.fromDate() != null) {
      where.append(" AND b.createdAt >= :fromDate");
    }
    if (query.toDate() != null) {
      where.append(" AND b.createdAt <= :toDate");
    }
    return where.toString();
  }

  private static <T> TypedQuery<T> bind(
      TypedQuery<T> jpql, Universe universe, BatchHistoryQuery query, String sourceCode) {
    jpql.setParameter("universeId", universe.getId());
    if (sourceCode != null) {
      jpql.setParameter("sourceCode", sourceCode);
    }
    if (!query.states().isEmpty()) {
      jpql.setParameter("states", query.states());
    }
    if (query.fromDate() != null) {
      jpql.setParameter("fromDate", query.fromDate());
    }
    if (query.toDate() != null) {
      jpql.setParameter("toDate", query.toDate());
    }
    return jpql;
  }
}
