package org.regatta.controlplane.scheduler;

/** The two frameworks that share the cluster under Dominant Resource Fairness. */
public enum Framework {
  /** Long-running apps (the Marathon-compatible API). */
  SERVICES,
  /** Batch jobs (the Chronos-compatible API). */
  JOBS
}
