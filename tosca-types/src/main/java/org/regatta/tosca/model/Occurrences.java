package org.regatta.tosca.model;

/** [lower, upper] occurrences; {@code upper} is {@link Integer#MAX_VALUE} for UNBOUNDED. */
public record Occurrences(int lower, int upper) {
  public static final Occurrences ONE = new Occurrences(1, 1);
  public static final Occurrences ANY = new Occurrences(0, Integer.MAX_VALUE);

  @Override
  public String toString() {
    return "[" + lower + ", " + (upper == Integer.MAX_VALUE ? "UNBOUNDED" : upper) + "]";
  }
}
