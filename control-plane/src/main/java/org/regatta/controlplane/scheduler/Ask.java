package org.regatta.controlplane.scheduler;

/** A pending task with its port request split once, so that agent checks allocate nothing. */
final class Ask {

  final TaskRequest task;
  final Resources resources;
  final int[] fixedPorts;
  final int dynamicPorts;

  Ask(TaskRequest task) {
    this.task = task;
    this.resources = task.resources();
    this.fixedPorts = task.hostPorts().stream().mapToInt(Integer::intValue).filter(p -> p != 0)
        .toArray();
    this.dynamicPorts = task.hostPorts().size() - fixedPorts.length;
  }
}
