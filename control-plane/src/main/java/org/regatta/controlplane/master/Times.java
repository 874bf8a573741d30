package org.regatta.controlplane.master;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as Marathon writes them: UTC with milliseconds, which its clients parse. */
final class Times {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  static String format(Instant t) {
    return FORMAT.format(t);
  }

  /** An ISO-8601 instant from an agent, in Marathon's form (the text as is when unreadable). */
  static String normalise(String iso) {
    try {
      return iso == null ? null : format(Instant.parse(iso));
    } catch (java.time.format.DateTimeParseException e) {
      return iso;
    }
  }
}
