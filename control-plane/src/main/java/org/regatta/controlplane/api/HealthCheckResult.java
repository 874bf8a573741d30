package org.regatta.controlplane.api;

/** One entry of a task's {@code healthCheckResults}, in the order of the app's health checks. */
public record HealthCheckResult(
    Boolean alive,
    Integer consecutiveFailures,
    String firstSuccess,
    String lastSuccess,
    String lastFailure,
    String lastFailureCause,
    String taskId,
    String instanceId) {}
