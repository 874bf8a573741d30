package org.regatta.orchestrator.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.tosca.load.TypeRegistry;
import org.regatta.tosca.model.TypeKind;

/**
 * Which Regatta roles implement a node type. A type is implemented when it, or a type it derives
 * from, is listed here; INDIGO names and their aliases map to the same roles.
 */
public final class Roles {

  private static final Map<String, List<String>> BY_TYPE = new LinkedHashMap<>();

  static {
    BY_TYPE.put("tosca.nodes.indigo.MesosMaster", List.of("zookeeper", "consul-server",
        "control-plane-master"));
    BY_TYPE.put("tosca.nodes.indigo.LRMS.FrontEnd.Mesos", BY_TYPE.get(
        "tosca.nodes.indigo.MesosMaster"));
    BY_TYPE.put("tosca.nodes.indigo.MesosSlave", List.of("consul-agent", "control-plane-agent"));
    BY_TYPE.put("tosca.nodes.indigo.LRMS.WorkerNode.Mesos", BY_TYPE.get(
        "tosca.nodes.indigo.MesosSlave"));
    BY_TYPE.put("tosca.nodes.indigo.MesosLoadBalancer", List.of("consul-agent", "lb",
        "keepalived"));
    BY_TYPE.put("tosca.nodes.indigo.ElasticCluster", List.of("elasticity"));
    BY_TYPE.put("tosca.nodes.indigo.Container.Application.Docker.Marathon",
        List.of("marathon-app"));
    BY_TYPE.put("tosca.nodes.indigo.Container.Application.Docker.Chronos",
        List.of("chronos-job"));
    BY_TYPE.put("tosca.nodes.indigo.Container.Runtime.Docker", List.of("docker-runtime"));
    BY_TYPE.put("tosca.nodes.Compute", List.of("vm"));
  }

  private Roles() {}

  /** The roles for a node type, or an empty list when no role implements it. */
  public static List<String> of(TypeRegistry types, String nodeType) {
    for (String t : types.lineage(TypeKind.NODE, nodeType)) {
      List<String> roles = BY_TYPE.get(t);
      if (roles != null) {
        return roles;
      }
    }
    return List.of();
  }

  public static List<String> implementedTypes() {
    return List.copyOf(BY_TYPE.keySet());
  }
}
