package io.mdmhub.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The issuer and audiences that the JWT store expects when configuration is missing, checked with
 * the development key and real jose4j signatures. The stores are built by hand, as CDI would inject
 * them from MicroProfile Config.
 */
class JwtIdentityStoreTest {

  private static final List<String> BATCH_MANAGEMENT = List.of(Roles.BATCH_MANAGEMENT);

  @Test
  void devProfileTrustsOwnTokensWithoutIssuer() {
    DevTokenIssuer devTokens = devTokens("dev", Optional.empty(), Optional.empty());
    JwtIdentityStore store = store(devTokens, Optional.empty(), Optional.empty());

    CredentialValidationResult result =
        store.validate(
            new BearerTokenCredential(devTokens.issue("alice", "demo", BATCH_MANAGEMENT, 3600)));

    assertEquals(Status.VALID, result.getStatus(), "status");
    assertEquals("alice", result.getCallerPrincipal().getName(), "caller");
    assertEquals(Set.of(Roles.BATCH_MANAGEMENT), result.getCallerGroups(), "groups");
  }

  @Test
  void devTokensCarryConfiguredIssuer() {
    DevTokenIssuer devTokens = devTokens("dev", Optional.of("other-issuer"), Optional.empty());
    String token = devTokens.issue("alice", "demo", BATCH_MANAGEMENT, 3600);
    JwtIdentityStore store = store(devTokens, Optional.of("other-issuer"), Optional.empty());

    assertEquals(
        Status.VALID, store.validate(new BearerTokenCredential(token)).getStatus(), "status");
  }

  @Test
  void prodProfileWithoutIssuerRejectsBearer() {
    DevTokenIssuer devTokensOfOtherServer = devTokens("dev", Optional.empty(), Optional.empty());
    String token = devTokensOfOtherServer.issue("alice", "demo", BATCH_MANAGEMENT, 3600);
    JwtIdentityStore store =
        store(
            devTokens("prod", Optional.empty(), Optional.empty()),
            Optional.empty(),
            Optional.empty());

    assertEquals(
        Status.INVALID, store.validate(new BearerTokenCredential(token)).getStatus(), "status");
  }

  @Test
  void audiencesAreChecked() {
    DevTokenIssuer devTokens =
        devTokens("dev", Optional.empty(), Optional.of(new String[] {"mdm-hub"}));
    String token = devTokens.issue("alice", "demo", BATCH_MANAGEMENT, 3600);

    JwtIdentityStore sameAudience =
        store(devTokens, Optional.empty(), Optional.of(new String[] {" mdm-hub ", ""}));
    JwtIdentityStore otherAudience =
        store(devTokens, Optional.empty(), Optional.of(new String[] {"billing"}));

    assertEquals(
        Status.VALID,
        sameAudience.validate(new BearerTokenCredential(token)).getStatus(),
        "expected audience, trimmed");
    assertEquals(
        Status.INVALID,
        otherAudience.validate(new BearerTokenCredential(token)).getStatus(),
        "other audience");
  }

  private static DevTokenIssuer devTokens(
      String profile, Optional<String> issuer, Optional<String[]> audiences) {
    DevTokenIssuer devTokens = new DevTokenIssuer();
    devTokens.profile = profile;
    devTokens.issuer = issuer;
    devTokens.audiences = audiences;
    devTokens.init();
    return devTokens;
  }

  private static JwtIdentityStore store(
      DevTokenIssuer devTokens, Optional<String> issuer, Optional<String[]> audiences) {
    JwtIdentityStore store = new JwtIdentityStore();
    store.issuer = issuer;
    store.publicKey = Optional.empty();
    store.publicKeyLocation = Optional.empty();
    store.audiences = audiences;
    store.algorithm = Optional.empty();
    store.clockSkewSeconds = 5;
    store.tokenAgeSeconds = Optional.empty();
    store.devTokens = devTokens;
    store.init();
    return store;
  }
}
