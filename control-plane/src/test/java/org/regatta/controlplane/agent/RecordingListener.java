package org.regatta.controlplane.agent;

import java.util.ArrayList;
import java.util.List;

/** Keeps every status update it gets, in order. */
final class RecordingListener implements TaskStatusListener {

  private final List<TaskStatus> statuses = new ArrayList<>();

  @Override
  public synchronized void onStatus(TaskStatus status) {
    statuses.add(status);
  }

  synchronized List<TaskStatus> all() {
    return List.copyOf(statuses);
  }

  synchronized List<TaskState> states(String taskId) {
    return statuses.stream().filter(s -> s.taskId().equals(taskId)).map(TaskStatus::state).toList();
  }
}
