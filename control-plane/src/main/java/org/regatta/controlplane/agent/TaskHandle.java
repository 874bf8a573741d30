package org.regatta.controlplane.agent;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One task on this agent as the runner tracks it: its spec, sandbox, latest status, and the pid
 * of its process once it started. Its state changes only through {@link #move}, under its lock.
 */
public final class TaskHandle {

  private final TaskSpec spec;
  private final Path sandbox;
  private final CompletableFuture<TaskStatus> terminal = new CompletableFuture<>();

  private TaskStatus status;
  private Process process;
  private long pgid;
  private Optional<Path> cgroup = Optional.empty();
  private boolean killRequested;
  private String killReason = "";
  private boolean sigkilled;

  TaskHandle(TaskSpec spec, Path sandbox, TaskStatus initial) {
    this.spec = spec;
    this.sandbox = sandbox;
    this.status = initial;
  }

  public TaskSpec spec() {
    return spec;
  }

  public String taskId() {
    return spec.taskId();
  }

  /** The task's directory: fetched files, {@code stdout} and {@code stderr}. */
  public Path sandbox() {
    return sandbox;
  }

  public synchronized TaskStatus status() {
    return status;
  }

  public synchronized TaskState state() {
    return status.state();
  }

  /** The pid of the task's process (for a Docker task, of its {@code docker run} client). */
  public synchronized OptionalLong pid() {
    return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
  }

  /** Completes with the terminal status, after the listener has seen it. */
  public CompletableFuture<TaskStatus> terminal() {
    return terminal.copy();
  }

  /** Moves to {@code next} when the lifecycle allows it; the new status when it did. */
  synchronized Optional<TaskStatus> move(TaskStatus next) {
    if (status.state().check(next.state()) != StateChangeResult.SUCCESS) {
      return Optional.empty();
    }
    status = next;
    return Optional.of(next);
  }

  synchronized StateChangeResult check(TaskState next) {
    return status.state().check(next);
  }

  CompletableFuture<TaskStatus> terminalFuture() {
    return terminal;
  }

  /** Records the started process; true when a kill was asked for before it started. */
  synchronized boolean started(Process p, long group, Optional<Path> cgroupDir) {
    process = p;
    pgid = group;
    cgroup = cgroupDir;
    return killRequested;
  }

  /** Marks the kill; the process to signal, or null when it has not started yet. */
  synchronized Process requestKill(String reason) {
    killRequested = true;
    killReason = reason;
    return process;
  }

  synchronized String killReason() {
    return killReason;
  }

  synchronized boolean killRequested() {
    return killRequested;
  }

  synchronized void markSigkilled() {
    sigkilled = true;
  }

  synchronized boolean sigkilled() {
    return sigkilled;
  }

  synchronized long pgid() {
    return pgid;
  }

  synchronized Optional<Path> cgroup() {
    return cgroup;
  }

  synchronized Process process() {
    return process;
  }

  @Override
  public String toString() {
    return "task " + spec.taskId() + " (" + state() + ")";
  }
}
