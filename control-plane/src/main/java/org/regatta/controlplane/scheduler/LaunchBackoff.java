package org.regatta.controlplane.scheduler;

import java.time.Duration;
import java.time.Instant;

/**
 * Marathon's launch backoff: after the n-th consecutive failure an app waits
 * {@code backoff * factor^(n-1)}, at most {@code maxDelay}, before its next task is offered.
 */
public record LaunchBackoff(Duration backoff, double factor, Duration maxDelay) {

  /** Marathon's defaults: backoffSeconds 1, backoffFactor 1.15, maxLaunchDelaySeconds 3600. */
  public static final LaunchBackoff MARATHON_DEFAULT =
      new LaunchBackoff(Duration.ofSeconds(1), 1.15, Duration.ofHours(1));

  public LaunchBackoff {
    if (backoff.isNegative() || maxDelay.isNegative() || !(factor >= 1)
        || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("backoff and maxDelay must be >= 0 and factor a finite"
          + " number >= 1, got " + backoff + ", " + factor + ", " + maxDelay);
    }
  }

  public Duration delayAfter(int consecutiveFailures) {
    if (consecutiveFailures <= 0) {
      return Duration.ZERO;
    }
    double nanos = backoff.toNanos() * Math.pow(factor, consecutiveFailures - 1);
    if (nanos >= maxDelay.toNanos()) {
      return maxDelay;
    }
    return Duration.ofNanos((long) nanos);
  }

  /** The {@link TaskRequest#notBefore()} for the replacement of a task that failed at {@code at}. */
  public Instant notBefore(Instant at, int consecutiveFailures) {
    return at.plus(delayAfter(consecutiveFailures));
  }
}
