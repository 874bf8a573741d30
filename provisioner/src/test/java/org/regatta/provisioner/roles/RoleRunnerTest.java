package org.regatta.provisioner.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.provisioner.ssh.LocalShell;

/**
 * Whole role runs on this machine through {@link LocalShell}, in a scratch root standing for the
 * node's /: the first run changes things, the second changes nothing. The services are stand-ins
 * (jars that are empty files, a fake {@code consul} on the PATH); supervision is real.
 */
class RoleRunnerTest {

  @TempDir
  Path tmp;

  private Path root;
  private Path jars;
  private LocalShell shell;
  private RoleRunner runner;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    jars = Files.createDirectories(tmp.resolve("jars"));
    for (String n : ZooKeeperJarsTest.MAVEN_COPY) {
      Files.writeString(jars.resolve(n), n);
    }
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path consul = bin.resolve("consul");
    Files.writeString(consul, "#!/bin/sh\ncase \"$1\" in validate) exit 0 ;; agent) exec sleep 120"
        + " ;; esac\nexit 2\n");
    Files.setPosixFilePermissions(consul, PosixFilePermissions.fromString("rwxr-xr-x"));
    shell = new LocalShell(Map.of("PATH", bin + ":" + System.getenv("PATH")));
    runner = new RoleRunner(root.toString(), Map.of("REGATTA_INIT", "supervisor"));
  }

  @AfterEach
  void tearDown() throws Exception {
    Supervised.stopAll(root);
  }

  private Map<String, Object> masterVars() {
    Map<String, Object> v = RoleRenderingTest.vars("172.28.55.11");
    v.put(RoleVars.ZOOKEEPER_LIB, jars);
    return v;
  }

  @Test
  void zookeeperTwiceChangesNothingTheSecondTime() throws Exception {
    RoleRun first = runner.run(shell, RoleCatalogue.get("zookeeper"), masterVars(), log::add);

    assertTrue(first.changed());
    String lib = root + ZooKeeperRole.LIB_DIR;
    assertTrue(first.changes().contains("changed: " + lib + "/zookeeper-3.9.3.jar"), log::toString);
    assertFalse(Files.exists(Path.of(lib, "netty-tcnative-classes-2.0.66.Final.jar")));
    assertTrue(first.changes().contains("changed: " + root + "/etc/regatta/zookeeper/zoo.cfg"));
    assertEquals("changed: service zookeeper started (regatta-supervise)",
        first.changes().get(first.changes().size() - 1));
    assertEquals("1\n", Files.readString(root.resolve("var/lib/regatta/zookeeper/myid")));
    long supervisor = supervisorPid("zookeeper");

    log.clear();
    RoleRun second = runner.run(shell, RoleCatalogue.get("zookeeper"), masterVars(), log::add);

    assertEquals(List.of(), second.changes(), log::toString);
    assertTrue(log.contains("unchanged: " + lib + "/ (18 files)"), log::toString);
    assertTrue(log.contains("unchanged: " + root + "/etc/regatta/zookeeper/zoo.cfg"));
    assertEquals(supervisor, supervisorPid("zookeeper"));
  }

  @Test
  void aChangedInputRestartsTheService() throws Exception {
    runner.run(shell, RoleCatalogue.get("zookeeper"), masterVars(), log::add);
    long supervisor = supervisorPid("zookeeper");
    Files.delete(jars.resolve("netty-transport-classes-epoll-4.1.113.Final.jar"));

    RoleRun run = runner.run(shell, RoleCatalogue.get("zookeeper"), masterVars(), log::add);

    String lib = root + ZooKeeperRole.LIB_DIR;
    assertEquals(List.of("changed: " + lib + "/netty-transport-classes-epoll-4.1.113.Final.jar"
        + " removed", "changed: service zookeeper restarted (regatta-supervise)"), run.changes());
    assertTrue(supervisor != supervisorPid("zookeeper"));

    Map<String, Object> bigger = masterVars();
    bigger.put(RoleVars.ZOOKEEPER_HEAP_MB, 256);
    run = runner.run(shell, RoleCatalogue.get("zookeeper"), bigger, log::add);
    assertEquals(List.of("changed: " + root + "/etc/regatta/services/zookeeper.run",
        "changed: service zookeeper restarted (regatta-supervise)"), run.changes());
  }

  @Test
  void consulServerTwice() throws Exception {
    RoleRun first = runner.run(shell, ConsulRole.server(), masterVars(), log::add);
    assertTrue(first.changes().contains("changed: " + root + "/etc/regatta/consul/consul.hcl"));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(
        root.resolve("etc/regatta/consul/consul.hcl"))));

    RoleRun second = runner.run(shell, ConsulRole.server(), masterVars(), log::add);
    assertEquals(List.of(), second.changes());
  }

  @Test
  void aMissingVariableFailsBeforeTouchingTheNode() {
    Map<String, Object> v = masterVars();
    v.remove(RoleVars.CONSUL_GOSSIP_KEY);

    RoleException e = assertThrows(RoleException.class,
        () -> runner.run(shell, ConsulRole.server(), v, log::add));
    assertTrue(e.getMessage().startsWith("role consul-server needs variable consul_gossip_key"));
    assertEquals(List.of(), shell.commands);
    assertEquals(List.of(), shell.uploads);
  }

  @Test
  void aFailingRecipeNamesRoleNodeAndCause() {
    LocalShell bare = new LocalShell(Map.of("PATH", "/usr/bin:/bin"));
    RoleException e = assertThrows(RoleException.class, () -> runner.run(bare,
        ConsulRole.agent(), RoleRenderingTest.vars("172.28.55.20"), log::add));
    assertEquals("role consul-agent failed on local with exit status 1: error: consul is not"
        + " installed on this node (the node image should carry it)", e.getMessage());
  }

  private long supervisorPid(String service) throws IOException {
    return Supervised.process(root.resolve("var/lib/regatta/run/" + service + ".supervisor.pid"))
        .orElseThrow().pid();
  }
}
