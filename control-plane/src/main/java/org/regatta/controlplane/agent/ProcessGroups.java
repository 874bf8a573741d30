package org.regatta.controlplane.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Signals to whole process groups. Every task runs under {@code setsid}, so its processes share a
 * group whose id is the task's pid, and a signal to the group reaches the children a shell started.
 * The JDK can signal only single processes, hence the {@code kill} command.
 */
final class ProcessGroups {

  private ProcessGroups() {}

  private static final long OWN_GROUP = pgid(ProcessHandle.current().pid()).orElse(-1);

  /**
   * Sends {@code signal} (TERM, KILL…) to the group; false when no process of it was left. The
   * agent's own group is never signalled.
   */
  static boolean signal(long pgid, String signal) {
    if (pgid <= 1 || pgid == OWN_GROUP) {
      throw new IllegalArgumentException("refusing to signal process group " + pgid);
    }
    return run(List.of("kill", "-s", signal, "--", "-" + pgid));
  }

  /** The process group of {@code pid} from {@code /proc/<pid>/stat}. */
  static OptionalLong pgid(long pid) {
    return statField(pid, 5);
  }

  /** The start time of {@code pid} in clock ticks since boot: with the pid, its identity. */
  static OptionalLong startTime(long pid) {
    return statField(pid, 22);
  }

  /** Field {@code n} (1-based, as proc(5) numbers them) of {@code /proc/<pid>/stat}. */
  static OptionalLong statField(long pid, int n) {
    try {
      return parseStatField(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), n);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The comm field may hold spaces and parentheses: fields are counted after the last ')'. */
  static OptionalLong parseStatField(String stat, int n) {
    int close = stat.lastIndexOf(')');
    if (close < 0 || n < 3) {
      return OptionalLong.empty();
    }
    String[] rest = stat.substring(close + 1).trim().split("\\s+");
    int index = n - 3;
    if (index >= rest.length) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(rest[index]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Runs a short helper command; true when it exits 0 within 10 s. */
  static boolean run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
