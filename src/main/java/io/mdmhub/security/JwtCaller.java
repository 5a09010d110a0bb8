package io.mdmhub.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

/**
 * A caller authenticated by a Bearer JWT, exposed as a MicroProfile {@link JsonWebToken}. The
 * account comes from the {@code account} claim; the repository from the request's {@code
 * repositoryId}.
 */
public class JwtCaller extends HubCaller implements JsonWebToken {

  private static final long serialVersionUID = 1L;

  private final transient JwtClaims claims;
  private final String rawToken;

  JwtCaller(String subject, String accountId, JwtClaims claims, String rawToken) {
    super(subject, accountId, null, AuthScheme.BEARER);
    this.claims = claims;
    this.rawToken = rawToken;
  }

  @Override
  public Set<String> getClaimNames() {
    return claims == null ? Set.of() : Set.copyOf(claims.getClaimNames());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getClaim(String claimName) {
    if ("raw_token".equals(claimName)) {
      return (T) rawToken;
    }
    return claims == null ? null : (T) claims.getClaimValue(claimName);
  }

  @Override
  public String toString() {
    return "JwtCaller[" + getName() + ", account " + getAccountId() + "]";
  }
}
