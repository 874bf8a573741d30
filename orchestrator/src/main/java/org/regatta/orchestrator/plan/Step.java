package org.regatta.orchestrator.plan;

import java.util.List;

/** A node operation on all instances of a node template, after the steps it waits for. */
public record Step(String node, Operation operation, int wave, List<String> after) {

  /** The TOSCA standard lifecycle operations a deployment runs, in order. */
  public enum Operation { CREATE, CONFIGURE, START }

  public String id() {
    return node + "." + operation.name().toLowerCase(java.util.Locale.ROOT);
  }
}
