package io.mdmhub.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page size and offset tokens of the list operations. A token encodes the sort key of the last
 * entry a page returned, so the next page starts after it however many entries arrive meanwhile.
 * Tokens are base64url text that clients pass back unchanged.
 */
public final class Paging {

  /** Largest page; a larger requested limit is lowered to this. */
  public static final int MAX_LIMIT = 200;

  private static final String VERSION = "1";

  private Paging() {}

  /**
   * Returns the page size for a requested limit: {@link #MAX_LIMIT} when absent or blank, at most
   * {@link #MAX_LIMIT} otherwise.
   *
   * @throws IllegalArgumentException when the limit is not a whole number of at least 1
   */
  public static int limit(String requested) {
    if (requested == null || requested.isBlank()) {
      return MAX_LIMIT;
    }
    try {
      long value = Long.parseLong(requested.trim());
      if (value >= 1) {
        return (int) Math.min(value, MAX_LIMIT);
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted values.
    }
    throw new IllegalArgumentException(
        "The limit '"
            + requested
            + "' is invalid: use a whole number from 1 to "
            + MAX_LIMIT
            + ".");
  }

  /** Encodes the sort key of a page's last entry as an offset token. */
  public static String token(String... keyParts) {
    String text = VERSION + "\n" + String.join("\n", keyParts);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Decodes an offset token into its {@code parts} key parts.
   *
   * @throws IllegalArgumentException when the token was not made by {@link #token} with as many
   *     parts
   */
  public static String[] keyOf(String token, int parts) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
      String[] fields = text.split("\n", -1);
      if (fields.length == parts + 1 && fields[0].equals(VERSION)) {
        String[] key = new String[parts];
        System.arraycopy(fields, 1, key, 0, parts);
        return key;
      }
    } catch (IllegalArgumentException e) {
      // Not base64url: reported below.
    }
    throw invalidToken(token);
  }

  /** Returns the error for an offset token that this class did not make or that was changed. */
  public static IllegalArgumentException invalidToken(String token) {
    return new IllegalArgumentException(
        "The offsetToken '"
            + token
            + "' is invalid: pass the offsetToken of the previous page unchanged, or none for the"
            + " first page.");
  }
}
