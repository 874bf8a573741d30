package org.regatta.tosca.load;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TOSCA scalar-unit values ("2 GB", "30 s", "2.4 GHz") normalised to bytes, seconds, hertz. */
final class ScalarUnit {

  private static final Pattern FORM =
      Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z]+)\\s*");
  private static final Map<String, Map<String, BigDecimal>> UNITS = Map.of(
      "scalar-unit.size", Map.of("b", BigDecimal.ONE, "kb", new BigDecimal("1000"),
          "kib", new BigDecimal("1024"), "mb", new BigDecimal("1000000"),
          "mib", new BigDecimal("1048576"), "gb", new BigDecimal("1000000000"),
          "gib", new BigDecimal("1073741824"), "tb", new BigDecimal("1000000000000"),
          "tib", new BigDecimal("1099511627776")),
      "scalar-unit.time", Map.of("d", new BigDecimal("86400"), "h", new BigDecimal("3600"),
          "m", new BigDecimal("60"), "s", BigDecimal.ONE, "ms", new BigDecimal("0.001"),
          "us", new BigDecimal("0.000001"), "ns", new BigDecimal("0.000000001")),
      "scalar-unit.frequency", Map.of("hz", BigDecimal.ONE, "khz", new BigDecimal("1000"),
          "mhz", new BigDecimal("1000000"), "ghz", new BigDecimal("1000000000")));

  private ScalarUnit() {}

  static boolean isScalarUnit(String type) {
    return UNITS.containsKey(type);
  }

  /** The value in the base unit, or null when the text is not of this kind. */
  static BigDecimal parse(String type, String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal factor = UNITS.get(type).get(m.group(2).toLowerCase(Locale.ROOT));
    return factor == null ? null : new BigDecimal(m.group(1)).multiply(factor);
  }

  static String example(String type) {
    return switch (type) {
      case "scalar-unit.size" -> "'2 GB' (units B, kB, KiB, MB, MiB, GB, GiB, TB, TiB)";
      case "scalar-unit.time" -> "'30 s' (units d, h, m, s, ms, us, ns)";
      default -> "'2 GHz' (units Hz, kHz, MHz, GHz)";
    };
  }
}
