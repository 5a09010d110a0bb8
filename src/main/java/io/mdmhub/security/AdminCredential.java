package io.mdmhub.security;

import jakarta.security.enterprise.credential.Credential;

/** Basic credentials on an administration operation. */
public record AdminCredential(String user, String password) implements Credential {

  @Override
  public String toString() {
    return "AdminCredential[user=" + user + "]";
  }
}
