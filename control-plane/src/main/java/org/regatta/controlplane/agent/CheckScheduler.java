package org.regatta.controlplane.agent;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When health checks run. Production wraps a {@link ScheduledExecutorService}; tests step a manual
 * scheduler together with a fake clock, so no test waits out an interval.
 */
@FunctionalInterface
public interface CheckScheduler {

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
  Cancellable schedule(Runnable task, Duration delay);

  /** A scheduled run that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }

  static CheckScheduler of(ScheduledExecutorService executor) {
    return (task, delay) -> {
      Future<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    };
  }
}
