package org.regatta.orchestrator.deploy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.state.Resource;
import org.regatta.provisioner.cloud.NodeSpec;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.Value;

/** A compute node's TOSCA host and os capabilities as a cloud machine spec. */
final class Specs {

  private Specs() {}

  static NodeSpec of(String deploymentId, Resource r, PlannedNode node, String publicKey) {
    CapabilityAssignment host = node.template().capabilities().get("host");
    CapabilityAssignment os = node.template().capabilities().get("os");
    int cpus = host == null ? 1 : (int) Math.ceil(number(host.properties().get("num_cpus"), 1));
    long memMb = host == null ? 1024 : megabytes(host.properties().get("mem_size"), 1024);
    String image = os == null ? null : text(os.properties().get("image"));
    String instanceType = host == null ? null : text(host.properties().get("instance_type"));
    return new NodeSpec(deploymentId, r.name(), Math.max(1, cpus), memMb, image, instanceType,
        publicKey, Map.of("org.regatta.template-node", node.name()));
  }

  private static String text(Value v) {
    return v instanceof Value.Scalar s && !s.isNull() && !s.text().isBlank() ? s.text() : null;
  }

  private static double number(Value v, double fallback) {
    String t = text(v);
    try {
      return t == null ? fallback : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** "2 GB" → 2000 (MB as the cloud's template builder counts them), "512 MiB" → 512. */
  static long megabytes(Value v, long fallback) {
    String t = text(v);
    if (t == null) {
      return fallback;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\\s*([0-9.]+)\\s*([A-Za-z]+)\\s*").matcher(t);
    if (!m.matches()) {
      return fallback;
    }
    BigDecimal n = new BigDecimal(m.group(1));
    BigDecimal mb = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "b" -> n.divide(BigDecimal.valueOf(1_000_000));
      case "kb" -> n.divide(BigDecimal.valueOf(1000));
      case "kib" -> n.divide(BigDecimal.valueOf(1024));
      case "mb", "mib" -> n;
      case "gb" -> n.multiply(BigDecimal.valueOf(1000));
      case "gib" -> n.multiply(BigDecimal.valueOf(1024));
      case "tb" -> n.multiply(BigDecimal.valueOf(1_000_000));
      case "tib" -> n.multiply(BigDecimal.valueOf(1024 * 1024));
      default -> BigDecimal.valueOf(fallback);
    };
    return Math.max(1, mb.longValue());
  }
}
