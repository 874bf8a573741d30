package org.regatta.controlplane.agent;

/**
 * A health check's verdict on a task. UNKNOWN until the first success (failures within the grace
 * period do not count); FAILING after failures below {@code maxConsecutiveFailures}; UNHEALTHY
 * once that many failed in a row: the task should be killed and replaced.
 */
public enum HealthState {
  UNKNOWN,
  HEALTHY,
  FAILING,
  UNHEALTHY
}
