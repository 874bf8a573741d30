package org.regatta.controlplane.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.regatta.controlplane.agent.AgentResources.Gpu;
import org.regatta.controlplane.agent.AgentResources.PortRange;

/**
 * Finds what this node can offer: cpus (the JVM's available processors), memory
 * ({@code /proc/meminfo}), disk (the work directory's file system), GPUs ({@code nvidia-smi}, none
 * when it is absent), a configured port range and attributes. Like the Mesos agent, it keeps back
 * memory and disk for the system: 1 GB of memory (half below 2 GB) and 5 GB of disk (half below
 * 10 GB). The parsers are pure functions over the tools' texts.
 */
public final class ResourceDetector {

  public static final List<PortRange> DEFAULT_PORTS = List.of(new PortRange(31000, 32000));
  static final List<String> NVIDIA_SMI = List.of("nvidia-smi",
      "--query-gpu=index,name,memory.total", "--format=csv,noheader");

  /** Runs a probe command: its stdout, or empty when the tool is absent or fails. */
  @FunctionalInterface
  interface CommandRunner {
    Optional<String> run(List<String> command);
  }

  private final Path workDir;
  private final List<PortRange> ports;
  private final Map<String, String> attributes;
  private final Map<String, Double> overrides;
  private final IntSupplier processors;
  private final Path meminfo;
  private final CommandRunner commands;

  /**
   * {@code overrides} replaces detected amounts by name ("cpus", "mem", "disk" in MB), as the Mesos
   * agent's {@code --resources} does.
   */
  public ResourceDetector(Path workDir, List<PortRange> ports, Map<String, String> attributes,
      Map<String, Double> overrides) {
    this(workDir, ports, attributes, overrides, Runtime.getRuntime()::availableProcessors,
        Path.of("/proc/meminfo"), ResourceDetector::runCommand);
  }

  /** For tests: the processor count, the meminfo file and the command runner are given. */
  ResourceDetector(Path workDir, List<PortRange> ports, Map<String, String> attributes,
      Map<String, Double> overrides, IntSupplier processors, Path meminfo, CommandRunner commands) {
    this.workDir = Objects.requireNonNull(workDir, "workDir");
    this.ports = checkedPorts(ports);
    this.attributes = Map.copyOf(attributes);
    this.overrides = Map.copyOf(overrides);
    for (String name : this.overrides.keySet()) {
      if (!List.of("cpus", "mem", "disk").contains(name)) {
        throw new IllegalArgumentException(
            "resource override must be cpus, mem or disk, got '" + name + "'");
      }
    }
    this.processors = processors;
    this.meminfo = meminfo;
    this.commands = commands;
  }

  /**
   * From an agent's configuration map: {@code work_dir}, {@code ports} ("31000-32000" or
   * "[31000-32000,33000-33100]"), {@code attributes} ("rack:r1;zone:a") and optional {@code cpus},
   * {@code mem}, {@code disk} overrides.
   */
  public static ResourceDetector fromConfig(Map<String, String> config) {
    String dir = config.getOrDefault("work_dir", "/var/lib/regatta/agent");
    List<PortRange> ports = config.containsKey("ports")
        ? parsePorts(config.get("ports")) : DEFAULT_PORTS;
    Map<String, String> attributes = config.containsKey("attributes")
        ? parseAttributes(config.get("attributes")) : Map.of();
    Map<String, Double> overrides = new LinkedHashMap<>();
    for (String name : List.of("cpus", "mem", "disk")) {
      if (config.containsKey(name)) {
        overrides.put(name, parseAmount(name, config.get(name)));
      }
    }
    return new ResourceDetector(Path.of(dir), ports, attributes, overrides);
  }

  /** Probes the node now. */
  public AgentResources detect() {
    double cpus = override("cpus").orElse(processors.getAsInt());
    double mem = override("mem").orElseGet(() -> advertisedMemMb(memTotalMb()));
    double disk = override("disk").orElseGet(() -> advertisedDiskMb(diskTotalMb()));
    List<Gpu> gpus = commands.run(NVIDIA_SMI).map(ResourceDetector::parseNvidiaSmi)
        .orElse(List.of());
    return new AgentResources(cpus, mem, disk, gpus, ports, attributes);
  }

  private OptionalDouble override(String name) {
    Double value = overrides.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  private long memTotalMb() {
    try {
      return parseMemTotalMb(Files.readString(meminfo, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + meminfo + ": " + e.getMessage(), e);
    }
  }

  private long diskTotalMb() {
    Path existing = workDir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new IllegalStateException("no part of work dir " + workDir + " exists");
    }
    try {
      return Files.getFileStore(existing).getTotalSpace() / (1024 * 1024);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot size the file system of " + existing + ": " + e.getMessage(), e);
    }
  }

  // ---- pure parsers and rules ----

  /** {@code MemTotal} of a {@code /proc/meminfo} text, in MB. */
  static long parseMemTotalMb(String meminfo) {
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
        long kb = Long.parseLong(parts[0]);
        if (parts.length > 1 && !parts[1].equals("kB")) {
          throw new IllegalArgumentException("MemTotal in unexpected unit: " + line);
        }
        return kb / 1024;
      }
    }
    throw new IllegalArgumentException("no MemTotal line in meminfo");
  }

  /**
   * GPUs from {@code nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader}, lines
   * like {@code 0, NVIDIA H100 80GB HBM3, 81559 MiB}. Lines that do not parse are skipped.
   */
  static List<Gpu> parseNvidiaSmi(String csv) {
    List<Gpu> gpus = new ArrayList<>();
    for (String raw : csv.split("\n")) {
      String line = raw.strip();
      int first = line.indexOf(',');
      int last = line.lastIndexOf(',');
      if (first < 0 || first == last) {
        continue;
      }
      try {
        int index = Integer.parseInt(line.substring(0, first).strip());
        String name = line.substring(first + 1, last).strip();
        gpus.add(new Gpu(index, name, parseMiB(line.substring(last + 1).strip())));
      } catch (NumberFormatException e) {
        // a line such as an error message from the driver: not a GPU
      }
    }
    gpus.sort(Comparator.comparingInt(Gpu::index));
    return List.copyOf(gpus);
  }

  private static long parseMiB(String text) {
    String number = text.endsWith("MiB") ? text.substring(0, text.length() - 3).strip() : text;
    if (number.startsWith("[")) {
      return 0; // [N/A] or [Not Supported]
    }
    return Long.parseLong(number);
  }

  /** "31000-32000", "[31000-32000, 33000-33100]" or a single port "8080". */
  static List<PortRange> parsePorts(String text) {
    String body = text.strip();
    if (body.startsWith("[") && body.endsWith("]")) {
      body = body.substring(1, body.length() - 1);
    }
    List<PortRange> ranges = new ArrayList<>();
    for (String part : body.split(",")) {
      String range = part.strip();
      if (range.isEmpty()) {
        continue;
      }
      int dash = range.indexOf('-');
      try {
        ranges.add(dash < 0
            ? new PortRange(Integer.parseInt(range), Integer.parseInt(range))
            : new PortRange(Integer.parseInt(range.substring(0, dash).strip()),
                Integer.parseInt(range.substring(dash + 1).strip())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("port range '" + range + "' in '" + text
            + "' is not BEGIN-END");
      }
    }
    return checkedPorts(ranges);
  }

  /** Mesos' attribute syntax: "rack:r1;zone:eu-1a". */
  static Map<String, String> parseAttributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      String pair = part.strip();
      if (pair.isEmpty()) {
        continue;
      }
      int colon = pair.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "attribute '" + pair + "' in '" + text + "' is not NAME:VALUE");
      }
      attributes.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
    }
    return attributes;
  }

  /** Memory offered to tasks: total less 1 GB for the system, or half of it below 2 GB. */
  static double advertisedMemMb(long totalMb) {
    return totalMb >= 2048 ? totalMb - 1024 : totalMb / 2.0;
  }

  /** Disk offered to tasks: total less 5 GB for the system, or half of it below 10 GB. */
  static double advertisedDiskMb(long totalMb) {
    return totalMb >= 10 * 1024 ? totalMb - 5 * 1024 : totalMb / 2.0;
  }

  private static double parseAmount(String name, String text) {
    try {
      double value = Double.parseDouble(text.strip());
      if (value >= 0 && !Double.isInfinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be an amount >= 0, got '" + text + "'");
  }

  private static List<PortRange> checkedPorts(List<PortRange> ranges) {
    List<PortRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(PortRange::begin));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).begin() <= sorted.get(i - 1).end()) {
        throw new IllegalArgumentException(
            "port ranges overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return List.copyOf(sorted);
  }

  /** Runs a probe with a 10 s limit; absent tools and failures come back empty. */
  static Optional<String> runCommand(List<String> command) {
    Path out = null;
    try {
      out = Files.createTempFile("regatta-probe", ".out");
      Process p = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectOutput(out.toFile())
          .start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0
          ? Optional.of(Files.readString(out, StandardCharsets.UTF_8)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
