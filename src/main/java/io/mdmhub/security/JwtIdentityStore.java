package io.mdmhub.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * Verifies Bearer JWTs with MicroProfile JWT's configuration keys: {@code mp.jwt.verify.issuer}
 * (required), {@code mp.jwt.verify.publickey} or {@code mp.jwt.verify.publickey.location} (PEM or
 * JWKS file), {@code mp.jwt.verify.audiences}, {@code mp.jwt.verify.publickey.algorithm} (RS256 or
 * ES256; both when unset) and {@code mp.jwt.verify.clock.skew} in seconds (5 by default). A token
 * needs {@code sub}, {@code account}, {@code exp} and {@code iat}; its {@code groups} array names
 * its privileges, and anything but an array of strings grants none.
 */
@ApplicationScoped
public class JwtIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(JwtIdentityStore.class.getName());

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> publicKeyLocation;

  // An array rather than a List, because Payara 6 fails to inject Optional<List<String>>.
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String[]> audiences;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm")
  Optional<String> algorithm;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "5")
  int clockSkewSeconds;

  /** Maximum age after {@code iat} of an accepted token. When unset, only {@code exp} limits it. */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.token.age")
  Optional<Integer> tokenAgeSeconds;

  @Inject DevTokenIssuer devTokens;

  private JwtConsumer consumer;

  @PostConstruct
  void init() {
    List<JsonWebKey> keys = new ArrayList<>();
    try {
      if (publicKey.isPresent() && !publicKey.get().isBlank()) {
        keys.addAll(JwtKeys.parse(publicKey.get()));
      }
      if (publicKeyLocation.isPresent() && !publicKeyLocation.get().isBlank()) {
        keys.addAll(JwtKeys.read(publicKeyLocation.get().trim()));
      }
    } catch (Exception e) {
      throw new IllegalStateException(
          "The JWT verification key in mp.jwt.verify.publickey(.location) is invalid: "
              + e.getMessage(),
          e);
    }
    Optional<String> expectedIssuer = issuer.map(String::trim).filter(value -> !value.isEmpty());
    if (devTokens.verificationKey().isPresent()) {
      // The development profile accepts its own tokens even when no issuer is configured.
      keys.add(devTokens.verificationKey().get());
      expectedIssuer = Optional.of(devTokens.issuer());
    }
    if (keys.isEmpty() || expectedIssuer.isEmpty()) {
      LOG.info("Bearer authentication is off: set mp.jwt.verify.issuer and a public key");
      return;
    }
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireSubject()
            .setAllowedClockSkewInSeconds(clockSkewSeconds)
            .setIssuedAtRestrictions(clockSkewSeconds, tokenAgeSeconds.orElse(Integer.MAX_VALUE))
            .setExpectedIssuer(expectedIssuer.get())
            .setJwsAlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, permittedAlgorithms())
            .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys));
    List<String> expectedAudiences =
        audiences.stream()
            .flatMap(Arrays::stream)
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .toList();
    if (expectedAudiences.isEmpty()) {
      builder.setSkipDefaultAudienceValidation();
    } else {
      builder.setExpectedAudience(expectedAudiences.toArray(String[]::new));
    }
    consumer = builder.build();
    LOG.log(
        Level.INFO,
        "Bearer authentication is on for issuer {0} with {1} keys",
        new Object[] {expectedIssuer.get(), keys.size()});
  }

  private String[] permittedAlgorithms() {
    if (algorithm.isPresent() && !algorithm.get().isBlank()) {
      return new String[] {algorithm.get().trim()};
    }
    return new String[] {
      AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
    };
  }

  public CredentialValidationResult validate(BearerTokenCredential credential) {
    if (consumer == null) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    JwtClaims claims;
    try {
      claims = consumer.processToClaims(credential.token());
    } catch (InvalidJwtException e) {
      LOG.log(Level.FINE, "Bearer token rejected: {0}", redact(e.getMessage(), credential.token()));
      return CredentialValidationResult.INVALID_RESULT;
    }
    Object account = claims.getClaimValue("account");
    String subject = claims.getClaimValueAsString("sub");
    if (!(account instanceof String accountId) || accountId.isBlank()) {
      LOG.log(Level.FINE, "Bearer token of {0} rejected: no account claim", subject);
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups = groups(claims.getClaimValue("groups"));
    return new CredentialValidationResult(
        new JwtCaller(subject, accountId, claims, credential.token()), groups);
  }

  /**
   * Returns a jose4j message with the token text replaced. jose4j 0.9.6 quotes the token in some
   * messages, such as a bad signature or an unparsable token. A rejected token can still be a
   * secret, for example a hub token sent with the Bearer scheme.
   */
  private static String redact(String message, String token) {
    if (message == null || token.isEmpty()) {
      return message;
    }
    return message.replace(token, "[token]");
  }

  /**
   * Returns the privilege names of a {@code groups} claim that is an array of strings. Any other
   * claim, including an array with one value that is not a string, grants no privilege.
   */
  private static Set<String> groups(Object claim) {
    if (!(claim instanceof List<?> values)) {
      return Set.of();
    }
    Set<String> groups = new LinkedHashSet<>();
    for (Object value : values) {
      if (!(value instanceof String name)) {
        return Set.of();
      }
      groups.add(name);
    }
    return groups;
  }
}
