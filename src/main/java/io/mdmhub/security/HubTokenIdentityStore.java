package io.mdmhub.security;

import io.mdmhub.hub.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validates Basic credentials of hub operations: the user is an account id, the password one of its
 * repositories' hub tokens. Every repository of the account is compared, each in constant time, so
 * the response time does not tell which one came close.
 */
@ApplicationScoped
public class HubTokenIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(HubTokenIdentityStore.class.getName());

  /** A Basic caller has every privilege of the hub on its token's repository. */
  private static final Set<String> BASIC_GROUPS =
      Set.of(Roles.BATCH_MANAGEMENT, Roles.ACTIVITY_REPORTING);

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject TokenHasher hasher;

  /**
   * Validates the credential in a transaction of its own. Outside one, Liberty would keep the
   * connection of this read for the rest of the request, and a request that then waits for a lock
   * would hold two pooled connections.
   */
  @Transactional
  public CredentialValidationResult validate(HubTokenCredential credential) {
    List<Repository> repositories =
        em.createNamedQuery("Repository.byAccount", Repository.class)
            .setParameter("accountId", credential.accountId())
            .getResultList();
    Repository match = null;
    for (Repository repository : repositories) {
      if (hasher.matches(credential.token(), repository.getTokenHash())) {
        match = repository;
      }
    }
    if (match == null) {
      LOG.log(Level.FINE, "Basic login failed for account {0}", credential.accountId());
      return CredentialValidationResult.INVALID_RESULT;
    }
    HubCaller caller =
        new HubCaller(match.getAccountId(), match.getAccountId(), match.getId(), AuthScheme.BASIC);
    return new CredentialValidationResult(caller, BASIC_GROUPS);
  }
}
