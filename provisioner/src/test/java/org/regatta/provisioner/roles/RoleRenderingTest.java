package org.regatta.provisioner.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every role's templates render with a node's variables, and say what the brief requires. */
class RoleRenderingTest {

  static final List<String> MASTERS = List.of("172.28.55.11", "172.28.55.12", "172.28.55.13");
  static final String KEY = ConsulRole.newGossipKey(new SecureRandom());

  static Map<String, Object> vars(String self) {
    Map<String, Object> v = new HashMap<>();
    v.put(RoleVars.MASTERS, MASTERS);
    v.put(RoleVars.PRIVATE_ADDRESS, self);
    v.put(RoleVars.NODE_NAME, "n" + self.substring(self.lastIndexOf('.') + 1));
    v.put(RoleVars.CONSUL_GOSSIP_KEY, KEY);
    return v;
  }

  static Map<String, String> render(Role role, Map<String, Object> vars) throws RoleException {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> bound = role.bind(vars);
    for (String f : role.files()) {
      out.put(f.substring(f.lastIndexOf('/') + 1), Template.resource(f).render(bound));
    }
    return out;
  }

  @Test
  void everyCatalogueRoleRendersCompletely() throws RoleException {
    assertEquals(List.of("zookeeper", "consul-server", "consul-agent", "control-plane-master",
        "control-plane-agent"), List.copyOf(RoleCatalogue.names()));
    for (String name : RoleCatalogue.names()) {
      Role role = RoleCatalogue.get(name);
      String self = name.endsWith("agent") ? "172.28.55.20" : "172.28.55.12";
      Map<String, String> files = render(role, vars(self));
      assertTrue(files.containsKey("recipe.sh"), name);
      files.forEach((f, text) -> assertFalse(text.contains("{{"), name + "/" + f + ": " + text));
    }
  }

  @Test
  void controlPlaneRolesPointAtTheMasters() throws RoleException {
    Map<String, String> master = render(RoleCatalogue.get("control-plane-master"),
        vars("172.28.55.12"));
    assertTrue(master.get("control-plane-master.run").contains("MasterMain"
        + " 172.28.55.11:2181,172.28.55.12:2181,172.28.55.13:2181 8080 172.28.55.12"),
        master::toString);
    Map<String, String> agent = render(RoleCatalogue.get("control-plane-agent"),
        vars("172.28.55.20"));
    assertTrue(agent.get("control-plane-agent.run").contains("AgentMain http://172.28.55.11:8080,"
        + "http://172.28.55.12:8080,http://172.28.55.13:8080 5051"), agent::toString);
    RoleException notAMaster = org.junit.jupiter.api.Assertions.assertThrows(RoleException.class,
        () -> render(RoleCatalogue.get("control-plane-master"), vars("172.28.55.20")));
    assertTrue(notAMaster.getMessage().contains("runs on masters only"));
  }

  @Test
  void zookeeperEnsembleConfig() throws RoleException {
    Map<String, String> files = render(RoleCatalogue.get("zookeeper"), vars("172.28.55.12"));
    String cfg = files.get("zoo.cfg");
    for (String line : List.of("tickTime=1000", "admin.enableServer=false",
        "4lw.commands.whitelist=srvr,ruok,mntr,stat,conf,isro", "clientPort=2181",
        "dataDir=/var/lib/regatta/zookeeper",
        "server.1=172.28.55.11:2888:3888\nserver.2=172.28.55.12:2888:3888\n"
            + "server.3=172.28.55.13:2888:3888\n")) {
      assertTrue(cfg.contains(line), line + " in\n" + cfg);
    }
    assertEquals("2\n", files.get("myid"));
    assertTrue(files.get("zookeeper.run").contains("-Xmx128m"));
    assertTrue(files.get("zookeeper.run").contains(
        "-cp '/opt/regatta/zookeeper/lib/*' org.apache.zookeeper.server.quorum.QuorumPeerMain \\\n"
        + "  /etc/regatta/zookeeper/zoo.cfg"), files.get("zookeeper.run"));
  }

  @Test
  void consulServerAndAgentConfig() throws RoleException {
    String server = render(ConsulRole.server(), vars("172.28.55.11")).get("consul.hcl");
    for (String line : List.of("node_name  = \"n11\"", "server     = true",
        "bootstrap_expect = 3", "bind_addr   = \"172.28.55.11\"", "client_addr = \"0.0.0.0\"",
        "retry_join     = [\"172.28.55.12\", \"172.28.55.13\"]", "encrypt = \"" + KEY + "\"",
        "disable_update_check        = true", "disable_anonymous_signature = true",
        "raft_multiplier = 1", "acl {\n  enabled = false\n}", "datacenter = \"dc1\"")) {
      assertTrue(server.contains(line), line + " in\n" + server);
    }
    Map<String, Object> agentVars = vars("172.28.55.20");
    agentVars.put(RoleVars.DATACENTER, "regatta1");
    String agent = render(ConsulRole.agent(), agentVars).get("consul.hcl");
    for (String line : List.of("server     = false", "bind_addr   = \"172.28.55.20\"",
        "retry_join     = [\"172.28.55.11\", \"172.28.55.12\", \"172.28.55.13\"]",
        "encrypt = \"" + KEY + "\"", "datacenter = \"regatta1\"")) {
      assertTrue(agent.contains(line), line + " in\n" + agent);
    }
    assertFalse(agent.contains("bootstrap_expect"));
  }

  @Test
  void aGossipKeyIs32RandomBytes() {
    assertEquals(32, Base64.getDecoder().decode(KEY).length);
    assertFalse(KEY.equals(ConsulRole.newGossipKey(new SecureRandom())));
  }

  @Test
  void badOrMissingVariablesAreNamed() {
    Map<String, Object> v = vars("172.28.55.11");
    v.remove(RoleVars.MASTERS);
    assertEquals("role zookeeper needs variable masters; given: consul_gossip_key, node_name,"
        + " private_address", message(new ZooKeeperRole(), v));

    v = vars("172.28.55.99");
    assertEquals("role zookeeper runs on masters only, but private_address 172.28.55.99 is not in"
        + " masters [172.28.55.11, 172.28.55.12, 172.28.55.13]", message(new ZooKeeperRole(), v));

    v = vars("172.28.55.11");
    v.put(RoleVars.PRIVATE_ADDRESS, "1.2.3.4; rm -rf /");
    assertEquals("role consul-server: variable private_address must be an IP address or host"
        + " name, got '1.2.3.4; rm -rf /'", message(ConsulRole.server(), v));

    v = vars("172.28.55.20");
    v.put(RoleVars.CONSUL_GOSSIP_KEY, "c2hvcnQ=");
    assertEquals("role consul-agent: variable consul_gossip_key must be base64 of 32 random bytes"
        + " (see ConsulRole.newGossipKey)", message(ConsulRole.agent(), v));

    v = vars("172.28.55.11");
    v.put(RoleVars.ZOOKEEPER_HEAP_MB, "lots");
    assertEquals("role zookeeper: variable zookeeper_heap_mb must be a whole number, got lots",
        message(new ZooKeeperRole(), v));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RoleCatalogue.get("zookeper"));
    assertEquals("no role named 'zookeper'; known roles: zookeeper, consul-server, consul-agent,"
        + " control-plane-master, control-plane-agent",
        e.getMessage());
  }

  private static String message(Role role, Map<String, Object> vars) {
    return assertThrows(RoleException.class, () -> role.bind(vars)).getMessage();
  }
}
