package org.regatta.orchestrator.deploy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.regatta.provisioner.roles.RoleCatalogue;
import org.regatta.provisioner.roles.RoleException;
import org.regatta.provisioner.roles.RoleRun;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshException;

/** The provisioner's role recipes, with the artifacts the distribution carries for the nodes. */
public final class NodeRoles implements RoleRunner {

  private final org.regatta.provisioner.roles.RoleRunner runner =
      new org.regatta.provisioner.roles.RoleRunner();
  private final Path nodeLib;

  public NodeRoles(Path nodeLib) {
    this.nodeLib = nodeLib;
  }

  /**
   * The node artifacts next to the running distribution ({@code dist/node-lib}), or
   * {@code $REGATTA_NODE_LIB} (system property {@code regatta.node-lib}).
   */
  public static NodeRoles distribution() {
    String env = System.getProperty("regatta.node-lib", System.getenv("REGATTA_NODE_LIB"));
    if (env != null && !env.isBlank()) {
      return new NodeRoles(Path.of(env));
    }
    Path here;
    try {
      here = Path.of(NodeRoles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException e) {
      return new NodeRoles(Path.of("orchestrator/target/dist/node-lib"));
    }
    // dist/lib/orchestrator.jar → dist/node-lib; target/classes → target/dist/node-lib
    Path dist = Files.isDirectory(here) ? here.getParent().resolve("dist") : here.getParent()
        .getParent();
    return new NodeRoles(dist.resolve("node-lib"));
  }

  @Override
  public boolean has(String role) {
    return RoleCatalogue.find(role).isPresent();
  }

  @Override
  public boolean run(String role, RemoteShell shell, Map<String, Object> vars,
      Consumer<String> log) throws RoleException {
    Map<String, Object> all = new LinkedHashMap<>(vars);
    all.putIfAbsent(org.regatta.provisioner.roles.RoleVars.ZOOKEEPER_LIB,
        nodeLib.resolve("zookeeper"));
    all.putIfAbsent(org.regatta.provisioner.roles.RoleVars.CONTROL_PLANE_LIB,
        nodeLib.resolve("control-plane"));
    try {
      RoleRun run = runner.run(shell, RoleCatalogue.get(role), all, log);
      return run.changed();
    } catch (SshException e) {
      throw new RoleException("role " + role + ": " + e.getMessage(), e);
    }
  }
}
