package io.mdmhub.security;

/** The authentication scheme a caller used. */
public enum AuthScheme {
  BASIC,
  BEARER
}
