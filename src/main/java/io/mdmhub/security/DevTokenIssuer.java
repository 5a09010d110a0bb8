package io.mdmhub.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs JWTs for local development with an RSA key generated at start-up and never stored. Only
 * when {@code mdm.profile} is {@code dev} does the key exist and does the JWT store trust it; every
 * other profile verifies against the keys configured with {@code mp.jwt.verify.*}.
 */
@ApplicationScoped
public class DevTokenIssuer {

  static final String KEY_ID = "dev-ephemeral";
  static final String DEFAULT_ISSUER = "mdm-hub-dev";

  @Inject
  @ConfigProperty(name = "mdm.profile", defaultValue = "prod")
  String profile;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  // An array rather than a List, because Payara 6 fails to inject Optional<List<String>>.
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String[]> audiences;

  private RsaJsonWebKey key;

  @PostConstruct
  void init() {
    if (!isEnabled()) {
      return;
    }
    try {
      key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId(KEY_ID);
    } catch (JoseException e) {
      throw new IllegalStateException("Generating the development signing key failed", e);
    }
  }

  public boolean isEnabled() {
    return "dev".equals(profile);
  }

  /** Returns the issuer of development tokens: {@code mp.jwt.verify.issuer}, or mdm-hub-dev. */
  String issuer() {
    return issuer.map(String::trim).filter(value -> !value.isEmpty()).orElse(DEFAULT_ISSUER);
  }

  /** Returns the public key to trust, or empty outside the development profile. */
  Optional<RsaJsonWebKey> verificationKey() {
    return Optional.ofNullable(key);
  }

  /** Signs an RS256 token for the subject, account and privileges, valid for the given time. */
  public String issue(String subject, String accountId, List<String> groups, long ttlSeconds) {
    if (key == null) {
      throw new IllegalStateException("Development tokens exist only with mdm.profile=dev");
    }
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer());
    audiences.ifPresent(values -> claims.setAudience(values));
    claims.setSubject(subject);
    claims.setClaim("account", accountId);
    claims.setStringListClaim("groups", groups);
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(ttlSeconds / 60f);
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(KEY_ID);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("Signing a development token failed", e);
    }
  }
}
