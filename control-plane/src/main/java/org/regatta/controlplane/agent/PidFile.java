package org.regatta.controlplane.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code <work>/meta/<task>.pid}: "pid starttime kind" of a running task, so that an agent that
 * restarts can kill what its predecessor left. The start time guards against a reused pid.
 */
final class PidFile {

  private PidFile() {}

  static void write(Path file, long pid, boolean docker) {
    OptionalLong start = ProcessGroups.startTime(pid);
    String line = pid + " " + (start.isPresent() ? start.getAsLong() : -1) + " "
        + (docker ? "docker" : "process") + "\n";
    try {
      Files.writeString(file, line, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.getLogger(PidFile.class.getName()).log(System.Logger.Level.WARNING,
          "cannot write " + file + "; an agent restart will not find this task: " + e.getMessage());
    }
  }

  /** Kills the tasks recorded in {@code meta} but not in {@code known}; their ids. */
  static List<String> killOrphans(Path meta, Set<String> known) {
    List<String> killed = new ArrayList<>();
    if (!Files.isDirectory(meta)) {
      return killed;
    }
    try (var files = Files.list(meta)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        String taskId = name.substring(0, Math.max(0, name.length() - ".pid".length()));
        if (!name.endsWith(".pid") || known.contains(taskId)) {
          continue;
        }
        if (killIfAlive(file, taskId)) {
          killed.add(taskId);
        }
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.getLogger(PidFile.class.getName()).log(System.Logger.Level.WARNING,
          "cannot scan " + meta + " for orphaned tasks: " + e.getMessage());
    }
    return killed;
  }

  /** Kills the recorded task when its process still lives; true when it did. */
  static boolean killIfAlive(Path file, String taskId) throws IOException {
    String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
    if (fields.length < 3) {
      return false;
    }
    long pid;
    long start;
    try {
      pid = Long.parseLong(fields[0]);
      start = Long.parseLong(fields[1]);
    } catch (NumberFormatException e) {
      return false;
    }
    OptionalLong now = ProcessGroups.startTime(pid);
    if (pid <= 1 || now.isEmpty() || now.getAsLong() != start) {
      return false;
    }
    if (ProcessGroups.pgid(pid).orElse(-1) == pid) {
      ProcessGroups.signal(pid, "KILL");
    } else {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (fields[2].equals("docker")) {
      ProcessGroups.run(DockerCommand.remove(taskId));
    }
    return true;
  }
}
