package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regatta.controlplane.agent.AgentResources.Gpu;
import org.regatta.controlplane.agent.AgentResources.PortRange;

class ResourceDetectorTest {

  static final String MEMINFO = """
      MemTotal:       24684084 kB
      MemFree:        23344020 kB
      MemAvailable:   24132620 kB
      Buffers:            7904 kB
      Cached:           873100 kB
      """;

  static final String NVIDIA_SMI = """
      0, NVIDIA H100 80GB HBM3, 81559 MiB
      1, NVIDIA A100-SXM4-40GB, 40960 MiB
      """;

  @Test
  void memTotalComesFromMeminfoInMb() {
    assertEquals(24105, ResourceDetector.parseMemTotalMb(MEMINFO));
    assertThrows(IllegalArgumentException.class,
        () -> ResourceDetector.parseMemTotalMb("MemFree: 1 kB\n"));
  }

  @Test
  void nvidiaSmiLinesBecomeGpus() {
    assertEquals(List.of(new Gpu(0, "NVIDIA H100 80GB HBM3", 81559),
        new Gpu(1, "NVIDIA A100-SXM4-40GB", 40960)), ResourceDetector.parseNvidiaSmi(NVIDIA_SMI));
  }

  @Test
  void oddNvidiaSmiOutputIsToleratedOrSkipped() {
    String odd = """
        NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.
        1, Tesla K80, [N/A]
        0, GPU, with, commas, 16384 MiB

        """;
    assertEquals(List.of(new Gpu(0, "GPU, with, commas", 16384), new Gpu(1, "Tesla K80", 0)),
        ResourceDetector.parseNvidiaSmi(odd));
    assertEquals(List.of(), ResourceDetector.parseNvidiaSmi(""));
  }

  @Test
  void portRangesParseInBothSyntaxes() {
    assertEquals(List.of(new PortRange(31000, 32000)), ResourceDetector.parsePorts("31000-32000"));
    assertEquals(List.of(new PortRange(8080, 8080), new PortRange(31000, 32000)),
        ResourceDetector.parsePorts("[31000-32000, 8080]"));
    IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
        () -> ResourceDetector.parsePorts("31000-32000,31500-31600"));
    assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResourceDetector.parsePorts("a-b"));
    assertThrows(IllegalArgumentException.class, () -> ResourceDetector.parsePorts("0-10"));
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 101, 4242})
  void randomDisjointRangesRoundTrip(long seed) {
    Random random = new Random(seed);
    List<PortRange> ranges = new ArrayList<>();
    int next = 1 + random.nextInt(100);
    while (ranges.size() < 6 && next < 60000) {
      int end = next + random.nextInt(500);
      ranges.add(new PortRange(next, end));
      next = end + 2 + random.nextInt(2000);
    }
    String text = "[" + String.join(", ", ranges.stream().map(PortRange::toString).toList()) + "]";
    assertEquals(ranges, ResourceDetector.parsePorts(text));
  }

  @Test
  void attributesUseMesosSyntax() {
    assertEquals(Map.of("rack", "r1", "zone", "eu-1a", "url", "http://x"),
        ResourceDetector.parseAttributes("rack:r1; zone:eu-1a;url:http://x;"));
    assertThrows(IllegalArgumentException.class, () -> ResourceDetector.parseAttributes("rack"));
  }

  @Test
  void theSystemKeepsMemoryAndDiskAsMesosDoes() {
    assertEquals(23081, ResourceDetector.advertisedMemMb(24105));
    assertEquals(750, ResourceDetector.advertisedMemMb(1500));
    assertEquals(95 * 1024, ResourceDetector.advertisedDiskMb(100 * 1024));
    assertEquals(4096, ResourceDetector.advertisedDiskMb(8192));
  }

  @Test
  void detectCombinesTheProbes(@TempDir Path dir) throws IOException {
    Path meminfo = Files.writeString(dir.resolve("meminfo"), MEMINFO);
    List<List<String>> ran = new ArrayList<>();
    ResourceDetector detector = new ResourceDetector(dir.resolve("work"),
        ResourceDetector.DEFAULT_PORTS, Map.of("rack", "r1"), Map.of(), () -> 8, meminfo,
        command -> {
          ran.add(command);
          return Optional.of(NVIDIA_SMI);
        });
    AgentResources found = detector.detect();
    assertEquals(8, found.cpus());
    assertEquals(23081, found.memMb());
    assertTrue(found.diskMb() > 0, "disk of the temp dir's file system");
    assertEquals(2, found.gpuCount());
    assertEquals(List.of(new PortRange(31000, 32000)), found.ports());
    assertEquals(Map.of("rack", "r1"), found.attributes());
    assertEquals(List.of(ResourceDetector.NVIDIA_SMI), ran);
  }

  @Test
  void noNvidiaSmiMeansNoGpus(@TempDir Path dir) throws IOException {
    Path meminfo = Files.writeString(dir.resolve("meminfo"), MEMINFO);
    ResourceDetector detector = new ResourceDetector(dir, ResourceDetector.DEFAULT_PORTS, Map.of(),
        Map.of("cpus", 2.5, "disk", 1000.0), () -> 8, meminfo, command -> Optional.empty());
    AgentResources found = detector.detect();
    assertEquals(0, found.gpuCount());
    assertEquals(2.5, found.cpus());
    assertEquals(1000.0, found.diskMb());
  }

  @Test
  void anAbsentToolComesBackEmpty() {
    assertEquals(Optional.empty(),
        ResourceDetector.runCommand(List.of("regatta-no-such-tool-" + System.nanoTime())));
    assertEquals(Optional.empty(), ResourceDetector.runCommand(List.of("sh", "-c", "exit 4")));
    assertEquals(Optional.of("ok\n"), ResourceDetector.runCommand(List.of("echo", "ok")));
  }

  @Test
  void configMapSetsPortsAttributesAndOverrides(@TempDir Path dir) {
    ResourceDetector detector = ResourceDetector.fromConfig(Map.of(
        "work_dir", dir.toString(), "ports", "[31000-31099]", "attributes", "rack:r2",
        "mem", "512"));
    AgentResources found = detector.detect();
    assertEquals(List.of(new PortRange(31000, 31099)), found.ports());
    assertEquals(Map.of("rack", "r2"), found.attributes());
    assertEquals(512.0, found.memMb());
    assertTrue(found.cpus() >= 1);
    assertThrows(IllegalArgumentException.class,
        () -> ResourceDetector.fromConfig(Map.of("cpus", "many")));
  }

  @Test
  void thisMachineHasSomethingToOffer(@TempDir Path dir) {
    AgentResources here = new ResourceDetector(dir, ResourceDetector.DEFAULT_PORTS, Map.of(),
        Map.of()).detect();
    assertTrue(here.cpus() >= 1, here.toString());
    assertTrue(here.memMb() > 0, here.toString());
    assertTrue(here.diskMb() > 0, here.toString());
    assertTrue(here.gpuCount() >= 0, here.toString());
  }
}
