package org.regatta.orchestrator.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.DeploymentStatus;
import org.regatta.orchestrator.state.NodeState;
import org.regatta.orchestrator.state.Resource;
import org.regatta.orchestrator.state.StoreException;
import org.regatta.provisioner.cloud.CloudException;

/** Grows or shrinks a scalable node of a complete deployment (UPDATE_IN_PROGRESS → …). */
final class Scaling {

  private final Engine engine;

  Scaling(Engine engine) {
    this.engine = engine;
  }

  /**
   * Sets the number of machines of a scalable compute node: adds instances (created, then
   * configured) or removes them, those named in {@code removal} first, then the newest.
   */
  Deployment scale(String id, Plan plan, String nodeName, int count, List<String> removal,
      Map<String, String> secrets, DeployOptions options) throws DeployException,
      StoreException {
    PlannedNode node = plan.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst()
        .orElseThrow(() -> new DeployException(id, "the template has no node '" + nodeName
            + "'"));
    String machineNode = Engine.rootHost(plan, node);
    for (PlannedNode n : plan.nodes()) {
      if (Engine.rootHost(plan, n).equals(machineNode)
          && (n.roles().contains("zookeeper") || n.roles().contains("consul-server"))) {
        throw new DeployException(id, "node '" + nodeName + "' hosts the masters (ZooKeeper"
            + " ensemble, Consul servers), whose membership is fixed at deploy time: scale"
            + " agents or load balancers instead");
      }
    }
    if (count < 0) {
      throw new DeployException(id, "count must be 0 or more, not " + count);
    }
    Deployment d = engine.store.get(id).orElseThrow(() -> new DeployException(id, "no deployment "
        + id));
    if (d.status().to(DeploymentStatus.UPDATE_IN_PROGRESS)
        == org.regatta.orchestrator.state.Transition.ILLEGAL) {
      throw new DeployException(id, "deployment " + id + " is " + d.status()
          + ": only a complete deployment can be scaled");
    }
    List<Resource> current = engine.store.resources(id).stream()
        .filter(r -> r.node().equals(machineNode) && r.state() != NodeState.DELETED).toList();
    for (String name : removal) {
      if (current.stream().noneMatch(r -> r.name().equals(name))) {
        throw new DeployException(id, "removal list names '" + name + "', which is not a node"
            + " of " + machineNode + " (it has: " + String.join(", ", current.stream()
                .map(Resource::name).toList()) + ")");
      }
    }
    engine.store.setStatus(id, DeploymentStatus.UPDATE_IN_PROGRESS, "scale " + machineNode + " to "
        + count);
    long start = engine.clock.millis();
    try {
      if (count > current.size()) {
        int next = current.stream().mapToInt(Resource::index).max().orElse(-1) + 1;
        Set<String> added = new HashSet<>();
        for (int i = 0; i < count - current.size(); i++) {
          Resource r = new Resource(id, Resource.name(machineNode, next + i), machineNode,
              next + i, null, NodeState.INITIAL, null, null, "recorded", engine.clock.instant());
          engine.store.putResource(r);
          added.add(r.name());
        }
        engine.createMachines(id, plan);
        engine.runSteps(id, plan, secrets, options, start, added);
      } else if (count < current.size()) {
        List<Resource> order = new ArrayList<>();
        removal.forEach(n -> current.stream().filter(r -> r.name().equals(n))
            .forEach(order::add));
        current.stream().sorted(java.util.Comparator.comparingInt(Resource::index).reversed())
            .filter(r -> !order.contains(r)).forEach(order::add);
        List<Resource> gone = order.subList(0, current.size() - count);
        for (Resource r : gone) {
          engine.store.putResource(r.with(NodeState.DELETING, "removing", engine.clock.instant()));
          engine.progress.step(r.name(), "removing");
        }
        engine.cloud.destroy(gone.stream().map(Resource::cloudId).filter(java.util.Objects::nonNull)
            .toList());
        for (Resource r : gone) {
          engine.store.removeResource(id, r.name());
          engine.access.forget(r);
          engine.progress.done(r.name(), true, "removed");
        }
      }
      engine.store.setOutputs(id, Engine.outputs(plan, engine.store.resources(id), secrets));
      engine.store.setStatus(id, DeploymentStatus.UPDATE_COMPLETE, null);
      return engine.store.get(id).orElseThrow();
    } catch (DeployException | CloudException e) {
      engine.store.setStatus(id, DeploymentStatus.UPDATE_FAILED, e.getMessage());
      throw e instanceof DeployException de ? de : new DeployException(id, e.getMessage());
    }
  }

}
