package org.regatta.controlplane.agent;

/** Receives every counted health check result, on the thread that ran the check. */
@FunctionalInterface
public interface HealthListener {
  void onResult(HealthResult result);
}
