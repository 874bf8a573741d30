package org.regatta.provisioner.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The labels every Regatta machine carries (Docker labels, or user metadata / tags elsewhere) and
 * the names machines get. Labels, not names, say which deployment a machine belongs to.
 */
public final class Labels {

  public static final String DEPLOYMENT = "org.regatta.deployment";
  public static final String NODE = "org.regatta.node";

  /** Names clouds accept everywhere: GCE's rule, the strictest ([a-z]([-a-z0-9]*[a-z0-9])?). */
  static final int MAX_NAME = 63;

  private Labels() {}

  /** The spec's own labels plus the deployment and node labels, which win. */
  public static Map<String, String> of(NodeSpec spec) {
    Map<String, String> labels = new LinkedHashMap<>(spec.labels());
    labels.put(DEPLOYMENT, spec.deploymentId());
    labels.put(NODE, spec.name());
    return labels;
  }

  /** The jclouds group of a deployment: {@code rg-<deployment>}, DNS-safe. */
  public static String group(String deploymentId) {
    return dnsSafe("rg-" + deploymentId, 40);
  }

  /** The machine name of a node: {@code rg-<deployment>-<node>}, DNS-safe, at most 63 chars. */
  public static String machineName(String deploymentId, String nodeName) {
    return dnsSafe(group(deploymentId) + "-" + nodeName, MAX_NAME);
  }

  /** The host name inside the machine: the node name, DNS-safe. */
  public static String hostName(String nodeName) {
    return dnsSafe(nodeName, MAX_NAME);
  }

  /**
   * Lower case letters, digits and single dashes, starting with a letter; names longer than
   * {@code max} are cut and end in a hash of the whole, so that distinct inputs stay distinct.
   */
  static String dnsSafe(String raw, int max) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = s.isEmpty() ? "n" : "n-" + s;
    }
    if (s.length() > max) {
      s = s.substring(0, max - 9).replaceAll("-+$", "") + "-" + hash(raw).substring(0, 8);
    }
    return s;
  }

  private static String hash(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
