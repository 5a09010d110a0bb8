package io.mdmhub.security;

/** How a caller authenticated. */
public enum AuthScheme {
  BASIC,
  BEARER
}
