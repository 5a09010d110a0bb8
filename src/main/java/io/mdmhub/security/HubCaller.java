package io.mdmhub.security;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * The authenticated caller of a {@code /mdm/universes} operation: the account, how it
 * authenticated, and for Basic the repository its token belongs to.
 */
public class HubCaller extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final String accountId;
  private final String tokenRepositoryId;
  private final AuthScheme scheme;

  public HubCaller(String user, String accountId, String tokenRepositoryId, AuthScheme scheme) {
    super(user);
    this.accountId = accountId;
    this.tokenRepositoryId = tokenRepositoryId;
    this.scheme = scheme;
  }

  public String getAccountId() {
    return accountId;
  }

  /** Returns the repository of the Basic token, or null for a caller without one. */
  public String getTokenRepositoryId() {
    return tokenRepositoryId;
  }

  public AuthScheme getScheme() {
    return scheme;
  }
}
