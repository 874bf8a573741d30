package org.regatta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.load.ToscaLoader;

/**
 * Load + validate time of templates/mesos_cluster.yaml (warm) and of a generated 1,000-node
 * template. Prints numbers; goals (≤ 50 ms and ≤ 1 s) are for the reader, nothing asserts them.
 */
public final class LoaderBench {

  private LoaderBench() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    ToscaLoader loader = ToscaLoader.defaults();
    Path cluster = root.resolve("templates/mesos_cluster.yaml");
    report("mesos_cluster.yaml (warm)", loader, cluster, 200, 50);

    Path big = Files.createTempFile("regatta-bench-", ".yaml");
    try {
      Files.writeString(big, generated(1000));
      report("generated 1,000-node template", loader, big, 5, 20);
    } finally {
      Files.delete(big);
    }
  }

  private static void report(String name, ToscaLoader loader, Path file, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      check(loader.load(file, Map.of()), file);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      check(loader.load(file, Map.of()), file);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("bench loader: %-32s runs=%d  median=%.2f ms  p95=%.2f ms  max=%.2f ms%n",
        name, runs, ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1]);
  }

  private static void check(LoadResult r, Path file) {
    if (!r.ok()) {
      throw new IllegalStateException(file + " does not load: " + r.errors());
    }
  }

  /** 250 hosts, each with a web server, an app that needs a database, and that database. */
  static String generated(int nodes) {
    StringBuilder sb = new StringBuilder("tosca_definitions_version: tosca_simple_yaml_1_0\n"
        + "topology_template:\n  inputs:\n    cpus: { type: integer, default: 2 }\n"
        + "  node_templates:\n");
    for (int i = 0; i < nodes / 4; i++) {
      sb.append("    host").append(i).append(":\n      type: tosca.nodes.Compute\n")
          .append("      capabilities:\n        host:\n          properties:\n")
          .append("            num_cpus: { get_input: cpus }\n            mem_size: 2 GB\n")
          .append("        os: { properties: { type: linux, version: 18.10 } }\n");
      sb.append("    web").append(i).append(":\n      type: tosca.nodes.WebServer\n")
          .append("      properties: { component_version: 2.4 }\n")
          .append("      requirements:\n        - host: host").append(i).append('\n');
      sb.append("    db").append(i).append(":\n      type: tosca.nodes.DBMS\n")
          .append("      properties: { root_password: secret, port: 5432 }\n")
          .append("      requirements:\n        - host: host").append(i).append('\n');
      sb.append("    app").append(i).append(":\n      type: tosca.nodes.WebApplication\n")
          .append("      properties: { context_root: /app").append(i).append(" }\n")
          .append("      requirements:\n        - host: web").append(i).append('\n')
          .append("        - dependency: db").append(i).append('\n');
    }
    return sb.toString();
  }
}
