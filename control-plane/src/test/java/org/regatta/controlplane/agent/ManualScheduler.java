package org.regatta.controlplane.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link CheckScheduler} that runs nothing until a test advances its clock; due runs then execute
 * on the test's thread in time order, with the clock set to each one's due time.
 */
final class ManualScheduler implements CheckScheduler {

  private final MutableClock clock;
  private final List<Entry> queue = new ArrayList<>();
  private long sequence;

  private static final class Entry {
    final Instant due;
    final long seq;
    final Runnable task;
    volatile boolean cancelled;

    Entry(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }
  }

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Entry e = new Entry(clock.instant().plus(delay), sequence++, task);
    queue.add(e);
    return () -> e.cancelled = true;
  }

  /** Runs what is due now. */
  void runDue() {
    advance(Duration.ZERO);
  }

  /** Moves the clock forward by {@code d}, running every run that falls due on the way. */
  void advance(Duration d) {
    Instant target = clock.instant().plus(d);
    while (true) {
      Entry next;
      synchronized (this) {
        queue.removeIf(e -> e.cancelled);
        next = queue.stream()
            .filter(e -> !e.due.isAfter(target))
            .min(Comparator.comparing((Entry e) -> e.due).thenComparingLong(e -> e.seq))
            .orElse(null);
        if (next != null) {
          queue.remove(next);
        }
      }
      if (next == null) {
        break;
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.task.run();
    }
    clock.set(target);
  }

  synchronized int pending() {
    queue.removeIf(e -> e.cancelled);
    return queue.size();
  }
}
