package io.mdmhub.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Validates the hub administrator, whose user and password come from configuration ({@code
 * mdm.admin.user}, {@code mdm.admin.password}). With no password configured the administration API
 * rejects everyone.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

  @Inject
  @ConfigProperty(name = "mdm.admin.user", defaultValue = "admin")
  String adminUser;

  @Inject
  @ConfigProperty(name = "mdm.admin.password")
  Optional<String> adminPassword;

  public CredentialValidationResult validate(AdminCredential credential) {
    if (adminPassword.isEmpty() || adminPassword.get().isEmpty()) {
      LOG.warning("Administrator login rejected: mdm.admin.password is not configured");
      return CredentialValidationResult.INVALID_RESULT;
    }
    boolean userMatches = constantTimeEquals(credential.user(), adminUser);
    boolean passwordMatches = constantTimeEquals(credential.password(), adminPassword.get());
    if (!(userMatches && passwordMatches)) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(new CallerPrincipal(adminUser), Set.of(Roles.ADMIN));
  }

  private static boolean constantTimeEquals(String provided, String expected) {
    return MessageDigest.isEqual(
        provided.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
