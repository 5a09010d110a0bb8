package io.mdmhub.security;

import jakarta.security.enterprise.credential.Credential;

/** Basic credentials on a hub operation: the account id and a repository's hub token. */
public record HubTokenCredential(String accountId, String token) implements Credential {

  @Override
  public String toString() {
    return "HubTokenCredential[accountId=" + accountId + "]";
  }
}
