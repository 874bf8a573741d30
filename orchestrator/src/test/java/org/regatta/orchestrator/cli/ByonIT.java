package org.regatta.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.provisioner.ssh.KeyPairs;
import org.regatta.provisioner.ssh.SshKey;

/**
 * Bring-your-own-nodes: three hosts the user already has (here node containers started by hand,
 * with the user's own key) get the dev cluster's roles; undeploy releases them, never removes them.
 */
class ByonIT {

  @TempDir
  Path home;

  @Test
  void deploysOntoExistingHostsWithTheirOwnLoginKey() throws Exception {
    LocalCloud.assumeReady("ByonIT");
    SshKey userKey = KeyPairs.generate(home.resolve("user-key"), "byon-it");
    String label = "org.regatta.deployment=byon-it-" + ProcessHandle.current().pid();
    List<String> hosts = new ArrayList<>();
    String previous = System.getProperty("regatta.home");
    try {
      StringBuilder nodes = new StringBuilder("nodes:\n");
      // leased in the order the engine asks: load balancer, master, agent
      for (String role : List.of("lb", "master", "agent")) {
        String id = LocalCloud.docker("run", "-d", "--network", "regatta", "--cap-add",
            "NET_ADMIN", "--label", label, "-e", "SSH_AUTHORIZED_KEY=" + userKey.publicKeyLine(),
            "regatta/node:latest").get(0);
        hosts.add(id);
        String ip = LocalCloud.docker("inspect", "-f",
            "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", id).get(0);
        nodes.append("  - id: ").append(role).append("\n    hostname: ").append(role)
            .append("\n    ip: ").append(ip).append("\n    user: root\n    private_key: ")
            .append(userKey.privateKey()).append('\n');
      }
      Files.writeString(home.resolve("nodes.yaml"), nodes);
      Path clouds = home.resolve("clouds.yaml");
      Files.writeString(clouds, "clouds:\n  mine:\n    provider: byon\n    nodes_file: nodes.yaml\n"
          + "    leases_file: leases.json\n    login_user: root\n");
      System.setProperty("regatta.home", home.resolve("state").toString());

      String[] cloud = {"--clouds-file", clouds.toString(), "--cloud", "mine"};
      List<String> args = new ArrayList<>(List.of("deploy",
          Cli.root().resolve("templates/mesos_cluster_dev.yaml").toString(), "-q"));
      args.addAll(List.of(cloud));
      Cli deploy = Cli.run(args.toArray(String[]::new));
      assertEquals(0, deploy.exit(), deploy::all);
      String id = deploy.out().lines().filter(l -> l.startsWith("deployment ")).findFirst()
          .orElseThrow().split(" ")[1];
      Cli status = Cli.run("status", id);
      assertTrue(status.out().contains("CREATE_COMPLETE"), status::all);
      assertEquals(3, status.out().lines().filter(l -> l.contains("STARTED")).count(),
          status::out);

      List<String> undeployArgs = new ArrayList<>(List.of("undeploy", id, "-q"));
      undeployArgs.addAll(List.of(cloud));
      Cli undeploy = Cli.run(undeployArgs.toArray(String[]::new));
      assertEquals(0, undeploy.exit(), undeploy::all);
      // the user's hosts are released, not removed
      assertEquals(3, LocalCloud.docker("ps", "-q", "--filter", "label=" + label).size());
    } finally {
      if (previous == null) {
        System.clearProperty("regatta.home");
      } else {
        System.setProperty("regatta.home", previous);
      }
      if (!hosts.isEmpty()) {
        List<String> rm = new ArrayList<>(List.of("rm", "-f"));
        rm.addAll(hosts);
        LocalCloud.docker(rm.toArray(String[]::new));
      }
    }
  }
}
