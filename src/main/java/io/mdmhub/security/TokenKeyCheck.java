package io.mdmhub.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Fails the application's start when {@code mdm.token.key} is missing or invalid, rather than at
 * the first Basic request.
 */
@Singleton
@Startup
public class TokenKeyCheck {

  @Inject TokenHasher hasher;

  @PostConstruct
  void check() {
    // Any call creates the bean, whose initialization validates the key.
    hasher.hash("start-up check");
  }
}
