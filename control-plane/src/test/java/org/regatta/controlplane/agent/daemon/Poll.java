package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for real processes and servers, polling every 20 ms. */
final class Poll {

  static final Duration WAIT = Duration.ofSeconds(20);

  private Poll() {}

  static void until(String what, BooleanSupplier condition) {
    until(what, WAIT, condition);
  }

  static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("waited " + limit.toMillis() + " ms for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting for " + what);
      }
    }
  }

  /** Whether {@code pid} lives and is no zombie (a killed orphan may linger as one). */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+")[0];
      return !state.equals("Z") && !state.equals("X");
    } catch (IOException e) {
      return false;
    }
  }
}
