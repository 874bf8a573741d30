package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupsTest {

  static final String HYBRID_MOUNTINFO = """
      30 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec - tmpfs tmpfs ro,mode=755
      31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw
      32 30 0:28 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
      """;

  static final String UNIFIED_MOUNTINFO = """
      22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
      35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw
      """;

  @Test
  void findsTheCgroup2Mount() {
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup/unified")),
        Cgroups.cgroup2Mount(HYBRID_MOUNTINFO));
    assertEquals(Optional.of(Path.of("/sys/fs/cgroup")), Cgroups.cgroup2Mount(UNIFIED_MOUNTINFO));
    assertEquals(Optional.empty(), Cgroups.cgroup2Mount("22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"));
  }

  @Test
  void findsTheUnifiedPath() {
    assertEquals(Optional.of("/system.slice/regatta-agent.service"),
        Cgroups.unifiedPath("0::/system.slice/regatta-agent.service\n"));
    assertEquals(Optional.of("/"), Cgroups.unifiedPath("4:memory:/x\n1:cpu:/\n0::/\n"));
    assertEquals(Optional.empty(), Cgroups.unifiedPath("4:memory:/x\n"));
  }

  @Test
  void limitsBecomeCgroupFileValues() {
    assertEquals("50000 100000", Cgroups.cpuMax(0.5));
    assertEquals("200000 100000", Cgroups.cpuMax(2));
    assertEquals("1000 100000", Cgroups.cpuMax(0.001), "the kernel's minimum quota");
    assertEquals("max 100000", Cgroups.cpuMax(0));
    assertEquals("67108864", Cgroups.memoryMax(64));
    assertEquals("max", Cgroups.memoryMax(0));
  }

  @Test
  void noControllersMeansLimitsNotEnforcedWithTheReason(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cgroup.controllers"), "pids io\n");
    Files.writeString(dir.resolve("cgroup.subtree_control"), "");
    Cgroups cgroups = Cgroups.at(dir);
    assertFalse(cgroups.enforced());
    assertTrue(cgroups.reason().contains("not cpu and memory"), cgroups.reason());
    Cgroups.Limits limits = cgroups.prepare("t.1", 1, 64);
    assertEquals(Optional.empty(), limits.dir());
    assertTrue(limits.description().startsWith("limits not enforced: "), limits.description());
  }

  @Test
  void anUnreadableDirectoryIsNoCgroup(@TempDir Path dir) {
    Cgroups cgroups = Cgroups.at(dir.resolve("absent"));
    assertFalse(cgroups.enforced());
    assertTrue(cgroups.reason().contains("cannot be read"), cgroups.reason());
  }

  @Test
  void aDelegatedDirectoryGetsTaskCgroups(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
    Files.writeString(dir.resolve("cgroup.subtree_control"), "");
    Cgroups cgroups = Cgroups.at(dir);
    assertTrue(cgroups.enforced(), cgroups.reason());
    assertEquals("+cpu +memory", Files.readString(dir.resolve("cgroup.subtree_control")),
        "the agent enabled the controllers for its children");

    Cgroups.Limits limits = cgroups.prepare("t.1", 0.25, 128);
    Path task = dir.resolve("regatta-task-t.1");
    assertEquals(Optional.of(task), limits.dir());
    assertEquals("25000 100000", Files.readString(task.resolve("cpu.max")));
    assertEquals("134217728", Files.readString(task.resolve("memory.max")));
    assertTrue(limits.description().contains("cgroup limits"), limits.description());

    assertEquals(List.of("/bin/sh", "-c",
        "echo $$ > \"$0/cgroup.procs\" || echo \"regatta: could not join cgroup $0\" >&2; "
            + "exec \"$@\"", task.toString(), "sleep", "1"),
        Cgroups.wrap(limits.dir(), List.of("sleep", "1")));
    assertEquals(List.of("sleep", "1"), Cgroups.wrap(Optional.empty(), List.of("sleep", "1")));

    Cgroups.release(limits.dir());
    assertFalse(Files.exists(task));
  }
}
