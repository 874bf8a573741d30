package org.regatta.provisioner.roles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The control plane on a node: {@code control-plane-master} (a master process on every master,
 * ZooKeeper from the same masters) or {@code control-plane-agent} (the task agent, reporting to
 * every master). Both run from the control plane's jars the orchestrator uploads.
 */
public final class ControlPlaneRole implements Role {

  /** Where the jars go on the node. */
  public static final String LIB_DIR = "/opt/regatta/control-plane/lib";
  public static final int MASTER_PORT = 8080;
  public static final int AGENT_PORT = 5051;

  private final boolean master;

  private ControlPlaneRole(boolean master) {
    this.master = master;
  }

  public static ControlPlaneRole master() {
    return new ControlPlaneRole(true);
  }

  public static ControlPlaneRole agent() {
    return new ControlPlaneRole(false);
  }

  @Override
  public String name() {
    return master ? "control-plane-master" : "control-plane-agent";
  }

  @Override
  public List<String> services() {
    return List.of(name());
  }

  @Override
  public List<String> files() {
    return List.of(name() + "/recipe.sh", name() + "/" + name() + ".run",
        "control-plane/logback.xml");
  }

  @Override
  public Map<String, String> bind(Map<String, Object> vars) throws RoleException {
    List<String> masters = RoleVars.addresses(name(), vars, RoleVars.MASTERS);
    String self = RoleVars.address(name(), vars, RoleVars.PRIVATE_ADDRESS);
    Map<String, String> b = new LinkedHashMap<>();
    b.put("self", self);
    b.put("lib_dir", LIB_DIR);
    b.put("master_count", Integer.toString(masters.size()));
    if (master) {
      if (!masters.contains(self)) {
        throw new RoleException("role control-plane-master runs on masters only, but " + self
            + " is not in " + RoleVars.MASTERS + " " + masters);
      }
      b.put("port", Integer.toString(MASTER_PORT));
      b.put("zk", masters.stream().map(m -> m + ":" + ZooKeeperRole.CLIENT_PORT)
          .collect(Collectors.joining(",")));
      b.put("heap_mb", "192");
    } else {
      b.put("port", Integer.toString(AGENT_PORT));
      b.put("master_urls", masters.stream().map(m -> "http://" + m + ":" + MASTER_PORT)
          .collect(Collectors.joining(",")));
      b.put("ports", "31000-32000");
      b.put("heap_mb", "128");
    }
    return b;
  }

  @Override
  public List<ArtifactDir> artifacts(Map<String, Object> vars) throws RoleException {
    Path dir = RoleVars.path(name(), vars, RoleVars.CONTROL_PLANE_LIB);
    List<Path> jars;
    try (Stream<Path> s = Files.list(dir)) {
      jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new RoleException("role " + name() + ": cannot list the control plane's jars in "
          + dir + ": " + e.getMessage(), e);
    }
    if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("control-plane-"))) {
      throw new RoleException("role " + name() + ": " + dir + " holds no control-plane jar"
          + " (the orchestrator's distribution carries it in node-lib/control-plane)");
    }
    return List.of(new ArtifactDir(LIB_DIR, jars, name()));
  }
}
