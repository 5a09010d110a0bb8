package io.mdmhub.cancellation;

import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.hub.HubDirectory;
import io.mdmhub.hub.SourceTarget;
import io.mdmhub.platform.Paging;
import io.mdmhub.security.HubCaller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;

/** The job history of a (universe, source) pair: who canceled what and when, newest first. */
@Stateless
public class CancellationJobHistory {

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject HubDirectory directory;

  /**
   * Returns a page of the pair's jobs, newest request first. The offset token contains the request
   * time and id of the previous page's last job, so jobs registered meanwhile never shift a page.
   */
  public CancellationJobPageXml jobs(
      HubCaller caller,
      String repositoryId,
      String universeId,
      String sourceCode,
      String offsetToken,
      String limitParameter) {
    HubDirectory.requireNotBlank(caller, repositoryId, universeId, sourceCode);
    int limit;
    String[] after = null;
    try {
      limit = Paging.limit(limitParameter);
      if (offsetToken != null && !offsetToken.isBlank()) {
        after = Paging.keyOf(offsetToken, 2);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    Instant afterRequestedAt = after == null ? null : parseInstant(after[0], offsetToken);
    SourceTarget target = directory.source(caller, repositoryId, universeId, sourceCode);

    String pair = "j.universeId = :universeId AND j.sourceCode = :sourceCode";
    long total =
        em.createQuery("SELECT COUNT(j) FROM CancellationJob j WHERE " + pair, Long.class)
            .setParameter("universeId", target.universeId())
            .setParameter("sourceCode", target.sourceCode())
            .getSingleResult();
    String keyset =
        after == null
            ? ""
            : " AND (j.requestedAt < :afterAt OR (j.requestedAt = :afterAt AND j.id < :afterId))";
    TypedQuery<CancellationJob> query =
        em.createQuery(
                "SELECT j FROM CancellationJob j WHERE "
                    + pair
                    + keyset
                    + " ORDER BY j.requestedAt DESC, j.id DESC",
                CancellationJob.class)
            .setParameter("universeId", target.universeId())
            .setParameter("sourceCode", target.sourceCode());
    if (after != null) {
      query.setParameter("afterAt", afterRequestedAt).setParameter("afterId", after[1]);
    }
    // Reading one row more than the limit shows whether another page follows.
    List<CancellationJob> rows = query.setMaxResults(limit + 1).getResultList();
    List<CancellationJob> page = rows.subList(0, Math.min(rows.size(), limit));
    String next = null;
    if (rows.size() > limit) {
      CancellationJob last = page.get(page.size() - 1);
      next = Paging.token(Long.toString(last.getRequestedAt().toEpochMilli()), last.getId());
    }
    return new CancellationJobPageXml(total, page, next);
  }

  private static Instant parseInstant(String epochMillis, String offsetToken) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(epochMillis));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(Paging.invalidToken(offsetToken).getMessage());
    }
  }
}
