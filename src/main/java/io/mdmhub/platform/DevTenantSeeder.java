package io.mdmhub.platform;

import io.mdmhub.admin.AdminService;
import io.mdmhub.hub.Repository;
import io.mdmhub.hub.Source;
import io.mdmhub.security.TokenHasher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo tenant of the README when {@code mdm.profile} is {@code dev}: account {@code
 * demo}, one repository with a fixed, published token, a {@code contacts} universe and sources
 * {@code SF} and {@code NS}. The token is public, so no other profile seeds anything.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class DevTenantSeeder {

  public static final String ACCOUNT_ID = "demo";
  public static final String REPOSITORY_ID = "2c0ff7b4-7d8e-4b8f-9b3a-5d1f4c1a9e01";
  public static final String UNIVERSE_ID = "851a6a64-6a88-4916-a5b7-d6a974d54318";

  /** Development-only hub token of the demo repository, published in the README. */
  static final String DEV_TOKEN = "dev-only-hub-token-4f9c2a7e1b8d3f60a5c9e2d7";

  private static final Logger LOG = Logger.getLogger(DevTenantSeeder.class.getName());

  @PersistenceContext(unitName = "mdm")
  EntityManager em;

  @Inject AdminService admin;
  @Inject TokenHasher hasher;

  @Inject
  @ConfigProperty(name = "mdm.profile", defaultValue = "prod")
  String profile;

  @PostConstruct
  void seed() {
    if (!"dev".equals(profile)) {
      return;
    }
    admin.putAccount(ACCOUNT_ID);
    if (em.find(Repository.class, REPOSITORY_ID) == null) {
      Repository repository =
          new Repository(REPOSITORY_ID, ACCOUNT_ID, "demo-repository", Timestamps.now());
      repository.replaceTokenHash(hasher.hash(DEV_TOKEN), Timestamps.now());
      em.persist(repository);
      em.flush();
    }
    if (em.find(io.mdmhub.hub.Universe.class, UNIVERSE_ID) == null) {
      admin.putUniverse(
          REPOSITORY_ID, UNIVERSE_ID, "contacts", "contact", 200, List.of("name", "email", "city"));
      admin.putSource(UNIVERSE_ID, "SF", true, Source.Incorporation.RUNNING);
      admin.putSource(UNIVERSE_ID, "NS", true, Source.Incorporation.RUNNING);
    }
    LOG.warning(
        "Development profile: demo tenant seeded with a published token. Never use mdm.profile=dev"
            + " in production.");
  }
}
