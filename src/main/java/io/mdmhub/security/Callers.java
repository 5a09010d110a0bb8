package io.mdmhub.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/** Reads the hub caller from a JAX-RS request. */
public final class Callers {

  private Callers() {}

  /**
   * Returns the authenticated hub caller. The web.xml constraint on {@code /mdm/*} means this only
   * fails if the constraint is removed.
   */
  public static HubCaller of(SecurityContext security) {
    if (security.getUserPrincipal() instanceof HubCaller caller) {
      return caller;
    }
    throw new NotAuthorizedException("Basic realm=\"mdm\"");
  }
}
