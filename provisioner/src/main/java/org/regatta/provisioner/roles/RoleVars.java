package org.regatta.provisioner.roles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The variables the deployment engine passes to roles, and their checks. Values end up in config
 * files and shell scripts unquoted, so each is checked against a strict pattern here.
 */
public final class RoleVars {

  /** This node's address on the cluster network (String). */
  public static final String PRIVATE_ADDRESS = "private_address";
  /** This node's name, unique in the deployment (String). */
  public static final String NODE_NAME = "node_name";
  /** The masters' private addresses, in a stable order: ZooKeeper ids follow it (List). */
  public static final String MASTERS = "masters";
  /** Consul's gossip key, base64 of 32 random bytes, made once per deployment (String). */
  public static final String CONSUL_GOSSIP_KEY = "consul_gossip_key";
  /** Consul datacenter (String, default {@code dc1}). */
  public static final String DATACENTER = "datacenter";
  /** Local directory holding the ZooKeeper jars (Path or String). */
  public static final String ZOOKEEPER_LIB = "zookeeper_lib";
  /** Local directory holding the control plane's jars (Path or String). */
  public static final String CONTROL_PLANE_LIB = "control_plane_lib";
  /** ZooKeeper's heap in MiB (Integer, default 128). */
  public static final String ZOOKEEPER_HEAP_MB = "zookeeper_heap_mb";

  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,252}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  private RoleVars() {}

  static String address(String role, Map<String, Object> vars, String key) throws RoleException {
    return matching(role, key, string(role, vars, key), ADDRESS, "an IP address or host name");
  }

  static String name(String role, Map<String, Object> vars, String key, String dflt)
      throws RoleException {
    Object v = vars.get(key);
    String s = v == null ? dflt : string(role, vars, key);
    return matching(role, key, s, NAME, "letters, digits, '.', '_' or '-'");
  }

  static String name(String role, Map<String, Object> vars, String key) throws RoleException {
    return matching(role, key, string(role, vars, key), NAME, "letters, digits, '.', '_' or '-'");
  }

  static List<String> addresses(String role, Map<String, Object> vars, String key)
      throws RoleException {
    Object v = require(role, vars, key);
    if (!(v instanceof List<?> list) || list.isEmpty()) {
      throw new RoleException("role " + role + ": variable " + key
          + " must be a non-empty list of addresses, got " + v);
    }
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      out.add(matching(role, key, String.valueOf(o), ADDRESS, "IP addresses or host names"));
    }
    if (new HashSet<>(out).size() != out.size()) {
      throw new RoleException("role " + role + ": variable " + key + " lists an address twice: "
          + out);
    }
    return List.copyOf(out);
  }

  static int integer(String role, Map<String, Object> vars, String key, int dflt, int min, int max)
      throws RoleException {
    Object v = vars.get(key);
    if (v == null) {
      return dflt;
    }
    int i;
    try {
      i = v instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(v.toString());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new RoleException("role " + role + ": variable " + key + " must be a whole number, got "
          + v, e);
    }
    if (i < min || i > max) {
      throw new RoleException("role " + role + ": variable " + key + " must be between " + min
          + " and " + max + ", got " + i);
    }
    return i;
  }

  static Path path(String role, Map<String, Object> vars, String key) throws RoleException {
    Object v = require(role, vars, key);
    return v instanceof Path p ? p : Path.of(v.toString());
  }

  static String string(String role, Map<String, Object> vars, String key) throws RoleException {
    Object v = require(role, vars, key);
    if (!(v instanceof CharSequence)) {
      throw new RoleException("role " + role + ": variable " + key + " must be a string, got "
          + v.getClass().getSimpleName() + " " + v);
    }
    return v.toString();
  }

  private static Object require(String role, Map<String, Object> vars, String key)
      throws RoleException {
    Object v = vars.get(key);
    if (v == null) {
      throw new RoleException("role " + role + " needs variable " + key + "; given: "
          + String.join(", ", vars.keySet().stream().sorted().toList()));
    }
    return v;
  }

  private static String matching(String role, String key, String value, Pattern p, String what)
      throws RoleException {
    if (!p.matcher(value).matches()) {
      throw new RoleException("role " + role + ": variable " + key + " must be " + what
          + ", got '" + value + "'");
    }
    return value;
  }
}
