package org.regatta.provisioner.ssh;

import java.time.Duration;

/** Capped exponential backoff: {@code initial × factor^(attempt−1)}, never above {@code max}. */
public record Backoff(Duration initial, Duration max, double factor) {

  /** 100 ms, doubling, at most 2 s: nodes answer SSH 1–2 s after start (TESTBED). */
  public static final Backoff BOOT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2);

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || factor < 1) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max and factor >= 1");
    }
  }

  /** The pause after the given failed attempt (1 = the first). */
  public Duration delay(int attempt) {
    double millis = initial.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }
}
