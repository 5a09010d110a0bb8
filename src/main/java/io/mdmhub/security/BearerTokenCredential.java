package io.mdmhub.security;

import jakarta.security.enterprise.credential.Credential;

/** A Bearer token from the {@code Authorization} header, to be verified as a JWT. */
public record BearerTokenCredential(String token) implements Credential {

  @Override
  public String toString() {
    return "BearerTokenCredential[redacted]";
  }
}
