package org.regatta.controlplane.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Best-effort cgroup v2 limits. The agent needs a delegated cgroup2 directory that offers the cpu
 * and memory controllers to its children (systemd's {@code Delegate=yes}, or a directory an
 * operator configured). Each task then gets a child {@code regatta-task-<id>} with
 * {@code cpu.max} and {@code memory.max}, and joins it before its command starts. Where no such
 * directory exists, tasks run unconfined and their status says why.
 */
public final class Cgroups {

  static final String PREFIX = "regatta-task-";
  static final long CPU_PERIOD_US = 100_000;

  private final Path parent;
  private final String reason;

  private Cgroups(Path parent, String reason) {
    this.parent = parent;
    this.reason = reason;
  }

  /** Limits that are never enforced, for tests and for nodes configured without cgroups. */
  public static Cgroups disabled(String why) {
    return new Cgroups(null, why);
  }

  /**
   * The agent's own cgroup2 directory, found through {@code /proc/self/mountinfo} and
   * {@code /proc/self/cgroup}, or {@code configuredRoot} when it is not null.
   */
  public static Cgroups detect(Path configuredRoot) {
    if (configuredRoot != null) {
      return at(configuredRoot);
    }
    try {
      String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
      String cgroup = Files.readString(Path.of("/proc/self/cgroup"));
      Optional<Path> mount = cgroup2Mount(mountinfo);
      Optional<String> own = unifiedPath(cgroup);
      if (mount.isEmpty()) {
        return disabled("no cgroup2 file system is mounted");
      }
      if (own.isEmpty()) {
        return disabled("this process has no cgroup2 path in /proc/self/cgroup");
      }
      return at(mount.get().resolve(own.get().substring(1)));
    } catch (IOException e) {
      return disabled("cannot read /proc/self: " + e.getMessage());
    }
  }

  /** Checks that {@code dir} can hold limited task cgroups, enabling cpu and memory if needed. */
  public static Cgroups at(Path dir) {
    try {
      Set<String> available = tokens(Files.readString(dir.resolve("cgroup.controllers")));
      if (!available.containsAll(Set.of("cpu", "memory"))) {
        return disabled("cgroup " + dir + " offers " + available + ", not cpu and memory");
      }
      Path subtree = dir.resolve("cgroup.subtree_control");
      if (!tokens(Files.readString(subtree)).containsAll(Set.of("cpu", "memory"))) {
        try {
          Files.writeString(subtree, "+cpu +memory");
        } catch (IOException e) {
          return disabled("cannot enable cpu and memory for the children of " + dir + " ("
              + e.getMessage() + "); delegate a cgroup to the agent and configure it");
        }
      }
      if (!Files.isWritable(dir)) {
        return disabled("cgroup " + dir + " is not writable by the agent");
      }
      return new Cgroups(dir, "");
    } catch (IOException e) {
      return disabled("cgroup " + dir + " cannot be read (" + e.getMessage() + ")");
    }
  }

  public boolean enforced() {
    return parent != null;
  }

  /** Why limits are not enforced; empty when they are. */
  public String reason() {
    return reason;
  }

  /** What a task's limits came to: its cgroup directory, or none and a reason. */
  public record Limits(Optional<Path> dir, String description) {}

  /**
   * Creates the task's cgroup with its limits. Never throws: a failure comes back as limits not
   * enforced, with the reason in the description.
   */
  public Limits prepare(String taskId, double cpus, double memMb) {
    if (parent == null) {
      return new Limits(Optional.empty(), "limits not enforced: " + reason);
    }
    Path dir = parent.resolve(PREFIX + taskId);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("cpu.max"), cpuMax(cpus));
      Files.writeString(dir.resolve("memory.max"), memoryMax(memMb));
      try {
        Files.writeString(dir.resolve("memory.oom.group"), "1");
      } catch (IOException e) {
        // older kernels: an OOM then kills one process of the task, not all of them
      }
      return new Limits(Optional.of(dir),
          "cgroup limits cpus " + cpus + ", mem " + memMb + " MB in " + dir);
    } catch (IOException e) {
      release(Optional.of(dir));
      return new Limits(Optional.empty(),
          "limits not enforced: cannot set up cgroup " + dir + " (" + e.getMessage() + ")");
    }
  }

  /**
   * Wraps a command so that it joins {@code dir} before it starts: a shell writes its own pid to
   * {@code cgroup.procs}, then execs the command under the same pid.
   */
  public static List<String> wrap(Optional<Path> dir, List<String> command) {
    if (dir.isEmpty()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
        "echo $$ > \"$0/cgroup.procs\" || echo \"regatta: could not join cgroup $0\" >&2; "
            + "exec \"$@\"",
        dir.get().toString()));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Removes the task's cgroup once its processes are gone; leftovers are killed first. */
  public static void release(Optional<Path> dir) {
    if (dir.isEmpty()) {
      return;
    }
    Path kill = dir.get().resolve("cgroup.kill");
    try {
      if (Files.exists(kill)) {
        Files.writeString(kill, "1");
      }
    } catch (IOException e) {
      // kernels before 5.14 have no cgroup.kill; the process group was killed already
    }
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        if (isRealCgroup(dir.get())) {
          Files.deleteIfExists(dir.get());
        } else {
          deleteTree(dir.get());
        }
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** {@code cpu.max}: a CFS quota of {@code cpus} per 100 ms period, "max" for no limit. */
  static String cpuMax(double cpus) {
    if (cpus <= 0) {
      return "max " + CPU_PERIOD_US;
    }
    long quota = Math.max(1_000, Math.round(cpus * CPU_PERIOD_US));
    return quota + " " + CPU_PERIOD_US;
  }

  /** {@code memory.max} in bytes, "max" for no limit. */
  static String memoryMax(double memMb) {
    if (memMb <= 0) {
      return "max";
    }
    return Long.toString((long) Math.ceil(memMb * 1024 * 1024));
  }

  /** The mount point of the cgroup2 file system in a {@code /proc/self/mountinfo} text. */
  static Optional<Path> cgroup2Mount(String mountinfo) {
    for (String line : mountinfo.split("\n")) {
      int dash = line.indexOf(" - ");
      if (dash < 0) {
        continue;
      }
      String[] before = line.substring(0, dash).split(" ");
      String[] after = line.substring(dash + 3).split(" ");
      if (after.length > 0 && after[0].equals("cgroup2") && before.length > 4) {
        return Optional.of(Path.of(before[4].replace("\\040", " ")));
      }
    }
    return Optional.empty();
  }

  /** The unified hierarchy's path ({@code 0::/path}) in a {@code /proc/self/cgroup} text. */
  static Optional<String> unifiedPath(String procCgroup) {
    for (String line : procCgroup.split("\n")) {
      if (line.startsWith("0::/")) {
        return Optional.of(line.substring(3).strip());
      }
    }
    return Optional.empty();
  }

  private static Set<String> tokens(String text) {
    return Arrays.stream(text.strip().split("\\s+"))
        .map(t -> t.startsWith("+") ? t.substring(1) : t)
        .filter(t -> !t.isEmpty())
        .collect(Collectors.toSet());
  }

  private static boolean isRealCgroup(Path dir) {
    try {
      return "cgroup2".equals(Files.getFileStore(dir).type());
    } catch (IOException e) {
      return false;
    }
  }

  /** Only for directories that merely imitate a cgroup (tests): a real one is removed by rmdir. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Override
  public String toString() {
    return parent == null ? "cgroups disabled: " + reason : "cgroups under " + parent;
  }
}
