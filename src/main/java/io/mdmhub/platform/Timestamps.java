package io.mdmhub.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Clock and formatting helpers shared by the hub's entities and responses. */
public final class Timestamps {

  private Timestamps() {}

  /** Returns the current instant at millisecond precision, the precision every database keeps. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Formats an instant as ISO-8601 in UTC with a {@code Z}, or returns null for null. */
  public static String format(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
