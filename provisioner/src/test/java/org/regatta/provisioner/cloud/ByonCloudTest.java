package org.regatta.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BYON passes the contract with leases in place of machines, and never touches a host. */
class ByonCloudTest extends CloudContractTest {

  @TempDir
  Path dir;
  private Path nodes;
  private ByonCloud cloud;

  @BeforeEach
  void nodeList() throws IOException, CloudException {
    StringBuilder yaml = new StringBuilder("nodes:\n");
    for (int i = 1; i <= 8; i++) {
      yaml.append("  - {id: h").append(i).append(", ip: 127.0.56.").append(i)
          .append(", user: debian, private_key: keys/h").append(i).append("}\n");
    }
    nodes = dir.resolve("nodes.yaml");
    Files.writeString(nodes, yaml);
    cloud = open(nodes);
  }

  private ByonCloud open(Path nodeList) throws CloudException {
    return ByonCloud.open(CloudConfig.builder("lab", Provider.BYON).nodesFile(nodeList)
        .leasesFile(dir.resolve("state/lab.leases.json")).source("clouds.yaml").build());
  }

  @Override
  protected Cloud cloud() {
    return cloud;
  }

  @Override
  protected NodeSpec failingSpec(String deploymentId, String name) {
    return new NodeSpec(deploymentId, name, 1, 256, null, "no-such-host", PUBLIC_KEY, Map.of());
  }

  @Test
  void destroyOnlyReleasesTheHostForTheNextDeployment() throws Exception {
    String before = Files.readString(nodes);
    String d = newDeployment();
    List<CloudNode> all = cloud.create(List.of(spec(d, "a"), spec(d, "b"), spec(d, "c"),
        spec(d, "d"), spec(d, "e"), spec(d, "f"), spec(d, "g"), spec(d, "h"))).created();
    assertEquals(8, all.size());

    String other = newDeployment();
    String why = cloud.create(List.of(spec(other, "x"))).failed().get("x");
    assertTrue(why.contains("no free host left in " + nodes + " (8 hosts, all leased)"), why);

    cloud.destroy(List.of(all.get(2).id()));
    CreateResult again = cloud.create(List.of(spec(other, "x")));
    assertEquals(all.get(2).id(), again.created().get(0).id(), "the released host is reused");
    assertEquals(before, Files.readString(nodes), "the node list is never written");
  }

  @Test
  void leasesOutliveTheProcessThatMadeThem() throws Exception {
    String d = newDeployment();
    cloud.create(List.of(spec(d, "master-0")));

    List<CloudNode> seenLater = open(nodes).list(d);
    assertEquals(Set.of("master-0"), names(seenLater));
    CloudNode n = seenLater.get(0);
    assertEquals("debian", n.loginUser());
    assertEquals(22, n.sshPort());
    assertEquals(dir.resolve("keys/h1").toString(), n.labels().get(ByonCloud.LOGIN_KEY),
        "the host's own key, relative to the node list");
  }

  @Test
  void readsWhatAVagrantfileWritesAndPinsNodesByTag() throws Exception {
    Path vagrant = dir.resolve("vagrant-nodes.yaml");
    try (InputStream in = getClass().getResourceAsStream("/cloud/byon/vagrant-nodes.yaml")) {
      Files.copy(in, vagrant);
    }
    ByonCloud lab = open(vagrant);
    String d = newDeployment();
    CreateResult r = lab.create(List.of(
        new NodeSpec(d, "lb-0", 1, 256, null, "lb", PUBLIC_KEY, Map.of()),
        new NodeSpec(d, "agent-0", 1, 256, null, "vm3", PUBLIC_KEY, Map.of())));
    assertTrue(r.allCreated(), () -> r.failed().toString());
    CloudNode lb = r.created().get(0);
    CloudNode agent = r.created().get(1);
    assertEquals("vm1", lb.id());
    assertEquals("127.0.56.11", lb.privateAddress());
    assertEquals("vagrant", lb.loginUser());
    assertEquals(dir.resolve(".vagrant/machines/vm1/virtualbox/private_key").toString(),
        lb.labels().get(ByonCloud.LOGIN_KEY));
    assertEquals("vm3", agent.id());
    assertEquals(2222, agent.sshPort());
    assertEquals("/home/u/.vagrant.d/insecure_private_key",
        agent.labels().get(ByonCloud.LOGIN_KEY));
    lab.destroy(ids(r.created()));
  }

  @Test
  void aBrokenNodeListNamesTheFileAndTheKey() throws Exception {
    Files.writeString(nodes, "nodes:\n  - {id: h1, ip: 127.0.56.1, pasword: x}\n");
    CloudException e = assertThrows(CloudException.class, () -> cloud.list("d"));
    assertEquals("cloud 'lab' (byon): cannot read the node list: " + nodes
        + ": nodes[0]: unknown key 'pasword' (known: id, hostname, ip, port, user, private_key,"
        + " tags, labels).", e.getMessage());

    Files.writeString(nodes, "nodes:\n  - {id: h1}\n");
    e = assertThrows(CloudException.class, () -> cloud.list("d"));
    assertTrue(e.getMessage().endsWith(nodes + ": nodes[0]: needs 'ip' or 'hostname'."),
        e.getMessage());

    Files.delete(nodes);
    String why = cloud.create(List.of(spec("d", "n"))).failed().get("n");
    assertTrue(why.endsWith(nodes + " does not exist."), why);
  }
}
