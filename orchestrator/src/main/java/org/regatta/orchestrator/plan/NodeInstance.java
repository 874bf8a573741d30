package org.regatta.orchestrator.plan;

/** One instance of a node template: {@code mesos_slave_server[1]}, on its host instance if any. */
public record NodeInstance(String node, int index, String host) {
  public String id() {
    return node + "[" + index + "]";
  }
}
