package org.regatta.provisioner.roles;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consul on a node: {@code consul-server} on masters ({@code bootstrap_expect} = number of
 * masters, {@code retry_join} the other masters), {@code consul-agent} on agents and load
 * balancers (joining all masters). Both use the deployment's gossip key, bind to the node's
 * private address, and phone nowhere.
 */
public final class ConsulRole implements Role {

  private final boolean server;

  private ConsulRole(boolean server) {
    this.server = server;
  }

  public static ConsulRole server() {
    return new ConsulRole(true);
  }

  public static ConsulRole agent() {
    return new ConsulRole(false);
  }

  /** A new gossip key: base64 of 32 random bytes (AES-256), as {@code consul keygen} makes. */
  public static String newGossipKey(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Override
  public String name() {
    return server ? "consul-server" : "consul-agent";
  }

  @Override
  public List<String> services() {
    return List.of("consul");
  }

  @Override
  public List<String> files() {
    return List.of(name() + "/recipe.sh", name() + "/consul.hcl", "consul/consul.run");
  }

  @Override
  public Map<String, String> bind(Map<String, Object> vars) throws RoleException {
    List<String> masters = RoleVars.addresses(name(), vars, RoleVars.MASTERS);
    String self = RoleVars.address(name(), vars, RoleVars.PRIVATE_ADDRESS);
    List<String> join = new ArrayList<>(masters);
    if (server) {
      if (!join.remove(self)) {
        throw new RoleException("role consul-server runs on masters only, but "
            + RoleVars.PRIVATE_ADDRESS + " " + self + " is not in " + RoleVars.MASTERS + " "
            + masters);
      }
    } else if (masters.contains(self)) {
      throw new RoleException("role consul-agent does not run on a master (" + self
          + "): masters run consul-server");
    }
    Map<String, String> b = new LinkedHashMap<>();
    b.put("mode", server ? "server" : "agent");
    b.put("node_name", RoleVars.name(name(), vars, RoleVars.NODE_NAME));
    b.put("datacenter", RoleVars.name(name(), vars, RoleVars.DATACENTER, "dc1"));
    b.put("private_address", self);
    b.put("gossip_key", gossipKey(vars));
    b.put("retry_join", hclList(join));
    if (server) {
      b.put("bootstrap_expect", Integer.toString(masters.size()));
    }
    return b;
  }

  private String gossipKey(Map<String, Object> vars) throws RoleException {
    String key = RoleVars.string(name(), vars, RoleVars.CONSUL_GOSSIP_KEY);
    try {
      int n = Base64.getDecoder().decode(key).length;
      if (n == 16 || n == 24 || n == 32) {
        return key;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new RoleException("role " + name() + ": variable " + RoleVars.CONSUL_GOSSIP_KEY
        + " must be base64 of 32 random bytes (see ConsulRole.newGossipKey)");
  }

  private static String hclList(List<String> items) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      s.append(i == 0 ? "" : ", ").append('"').append(items.get(i)).append('"');
    }
    return s.append(']').toString();
  }
}
