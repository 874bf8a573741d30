package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling helpers (every 20 ms) for tests that watch real processes and servers. */
public final class Await {

  /** How long {@link #until(String, BooleanSupplier)} waits. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, WAIT, condition);
  }

  public static void until(String what, Duration limit, BooleanSupplier condition) {
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

  /**
   * Whether {@code pid} is a live process: {@code kill -0} succeeds and it is no zombie (where
   * PID 1 does not reap orphans, a killed orphan lingers as a zombie that {@code kill -0} finds).
   */
  public static boolean alive(long pid) {
    try {
      Process p = new ProcessBuilder("kill", "-0", Long.toString(pid))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor() != 0) {
        return false;
      }
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String state = stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+")[0];
      return !state.equals("Z") && !state.equals("X");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static long readPid(Path file) {
    until(file + " to hold a pid", Duration.ofSeconds(10), () -> {
      try {
        return Files.exists(file) && !Files.readString(file).isBlank()
            && Files.readString(file).endsWith("\n");
      } catch (IOException e) {
        return false;
      }
    });
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
