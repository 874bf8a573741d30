package org.regatta.controlplane.agent;

/**
 * Receives a task's status updates in the order its state changed, one at a time, on the runner's
 * delivery thread. A listener may call back into the runner (e.g. to kill a task).
 */
@FunctionalInterface
public interface TaskStatusListener {
  void onStatus(TaskStatus status);
}
