package io.mdmhub.hub;

import java.util.Locale;
import java.util.regex.Pattern;

/** Formats of the hub's identifiers. */
public final class Identifiers {

  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern SOURCE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,50}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Identifiers() {}

  /**
   * Returns whether a value is empty or only white space, counting Unicode space separators such as
   * the no-break space, which {@link String#isBlank()} does not.
   */
  public static boolean isBlank(String value) {
    return value.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
  }

  public static boolean isAccountId(String value) {
    return value != null && ACCOUNT_ID.matcher(value).matches();
  }

  public static boolean isSourceCode(String value) {
    return value != null && SOURCE_CODE.matcher(value).matches();
  }

  public static boolean isUuid(String value) {
    return value != null && UUID.matcher(value).matches();
  }

  /** Returns the canonical lower-case form under which universe ids are stored. */
  public static String canonicalUuid(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}
