package org.regatta.orchestrator.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.state.Resource;

/**
 * What a role needs to know about its node and the cluster around it: its own name, index and
 * address, the masters' addresses (ZooKeeper ensemble, Consul servers), and the cluster secrets.
 */
final class RoleVars {

  /** Internal secrets kept with a deployment's inputs under this prefix. */
  static final String SECRET_PREFIX = "regatta.";
  static final String CONSUL_ENCRYPT = SECRET_PREFIX + "consul_gossip_key";

  private RoleVars() {}

  static Map<String, Object> of(Plan plan, List<Resource> resources, String machine,
      PlannedNode node, Map<String, String> secrets) {
    Resource self = resources.stream().filter(r -> r.name().equals(machine)).findFirst()
        .orElseThrow();
    List<String> masters = new ArrayList<>();
    for (PlannedNode n : plan.nodes()) {
      if (n.roles().contains("consul-server")) {
        String host = Engine.rootHost(plan, n);
        resources.stream().filter(r -> r.node().equals(host))
            .sorted(java.util.Comparator.comparingInt(Resource::index))
            .forEach(r -> masters.add(r.privateAddress()));
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("deployment_id", self.deploymentId());
    vars.put("node_name", machine);
    vars.put("node_template", node.name());
    vars.put("index", self.index());
    vars.put("private_address", self.privateAddress());
    vars.put("public_address", self.publicAddress() != null ? self.publicAddress()
        : self.privateAddress());
    vars.put("masters", masters);
    vars.put("master_count", masters.size());
    vars.put(org.regatta.provisioner.roles.RoleVars.CONSUL_GOSSIP_KEY,
        secrets.getOrDefault(CONSUL_ENCRYPT, ""));
    vars.put(org.regatta.provisioner.roles.RoleVars.DATACENTER, "regatta");
    node.template().properties().forEach((k, v) -> vars.putIfAbsent("property." + k,
        org.regatta.tosca.model.Value.display(v)));
    return vars;
  }
}
