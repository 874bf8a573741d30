package org.regatta.controlplane.api;

/** An entry of an app's read-only {@code deployments}: a running deployment that touches it. */
public record DeploymentRef(String id) {}
