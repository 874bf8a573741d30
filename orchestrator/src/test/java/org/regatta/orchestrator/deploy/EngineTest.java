package org.regatta.orchestrator.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.Planner;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.DeploymentStatus;
import org.regatta.orchestrator.state.DeploymentStore;
import org.regatta.orchestrator.state.JdbcDeploymentStore;
import org.regatta.orchestrator.state.NodeState;
import org.regatta.orchestrator.state.Resource;
import org.regatta.provisioner.cloud.CloudNode;
import org.regatta.provisioner.cloud.FakeCloud;
import org.regatta.provisioner.roles.RoleException;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.load.ToscaLoader;

/**
 * The engine against a cloud that can fail any call: whatever fails, what the store records
 * matches what the cloud has, and nothing is left behind unless the user asked to keep it.
 */
class EngineTest {

  @TempDir
  Path dir;

  FakeCloud cloud;
  DeploymentStore store;
  Workspace workspace;
  FakeRoles roles;
  Plan plan;
  Map<String, String> inputs;

  @BeforeEach
  void setUp() throws Exception {
    cloud = new FakeCloud();
    store = JdbcDeploymentStore.open(JdbcDeploymentStore.h2Url(dir.resolve("state")),
        Clock.systemUTC());
    workspace = new Workspace(dir);
    roles = new FakeRoles();
    Path template = Path.of(System.getProperty("regatta.root", "..")).resolve(
        "templates/mesos_cluster.yaml");
    LoadResult first = ToscaLoader.defaults().load(template, Map.of());
    assertTrue(first.ok(), first.errors()::toString);
    inputs = Secrets.forNewDeployment(first.inputs());
    plan = Planner.plan(first);
  }

  private Engine engine() {
    return new Engine(store, cloud, (node, timeout) -> new FakeShell(node.name()), roles,
        workspace, Progress.QUIET, Clock.systemUTC());
  }

  private static DeployOptions options(boolean keepFailed) {
    return new DeployOptions("t", Duration.ofMinutes(1), keepFailed, 4, Duration.ofSeconds(5));
  }

  private String record(Engine e) throws Exception {
    String id = "d" + System.nanoTime();
    e.record(id, "t", plan, "mesos_cluster.yaml", "x", inputs);
    return id;
  }

  /** Every live record names a machine the cloud has, and every machine has a live record. */
  private void assertConsistent(String id) throws Exception {
    Set<String> recorded = store.resources(id).stream()
        .filter(r -> r.state() != NodeState.DELETED && r.cloudId() != null)
        .map(Resource::cloudId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> inCloud = cloud.list(id).stream().map(CloudNode::id)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(inCloud, recorded);
  }

  @Test
  void deploysAllNodesAndRunsEachRoleOnItsHosts() throws Exception {
    Engine e = engine();
    String id = record(e);
    Deployment d = e.converge(id, plan, inputs, options(false));
    assertEquals(DeploymentStatus.CREATE_COMPLETE, d.status());
    assertEquals(7, cloud.list(id).size());
    assertTrue(store.resources(id).stream().allMatch(r -> r.state() == NodeState.STARTED));
    assertEquals(3, roles.ran("zookeeper").size());
    assertEquals(3, roles.ran("consul-server").size());
    assertEquals(4, roles.ran("consul-agent").size());
    assertTrue(roles.ran("consul-agent").contains("mesos_lb_server-1"));
    // every role saw the three masters
    assertEquals(3, ((List<?>) roles.vars.get("mesos_slave_server-0").get("masters")).size());
    assertTrue(d.outputs().get("mesos_master_ips").startsWith("[\"127.0.55."),
        () -> d.outputs().toString());
    assertEquals(inputs.get("marathon_password"), d.outputs().get("marathon_password"));
    assertConsistent(id);
  }

  @Test
  void aNodeTheCloudCannotCreateFailsTheDeploymentAndLeavesNothing() throws Exception {
    cloud.failCreateOf("mesos_slave_server-1", "quota exceeded");
    Engine e = engine();
    String id = record(e);
    DeployException x = assertThrows(DeployException.class,
        () -> e.converge(id, plan, inputs, options(false)));
    assertTrue(x.getMessage().contains("mesos_slave_server-1: quota exceeded"), x::getMessage);
    Deployment d = store.get(id).orElseThrow();
    assertEquals(DeploymentStatus.CREATE_FAILED, d.status());
    assertTrue(d.statusReason().contains("mesos_slave_server-1"));
    assertEquals(0, cloud.list(id).size());
    assertConsistent(id);
  }

  @Test
  void aFailingRoleNamesNodeAndStepAndNoNodeIsLeft() throws Exception {
    roles.failOn("consul-agent", "mesos_slave_server-0");
    Engine e = engine();
    String id = record(e);
    DeployException x = assertThrows(DeployException.class,
        () -> e.converge(id, plan, inputs, options(false)));
    assertTrue(x.getMessage().startsWith("mesos_slave_server-0 (mesos_slave, step"
        + " mesos_slave.create): role consul-agent failed"), x::getMessage);
    assertTrue(x.getMessage().contains("orchestrator logs " + id
        + " --node mesos_slave_server-0"), x::getMessage);
    assertEquals(DeploymentStatus.CREATE_FAILED, store.get(id).orElseThrow().status());
    assertEquals(0, cloud.list(id).size());
    assertConsistent(id);
  }

  @Test
  void keptFailedDeploymentResumesWithoutDuplicates() throws Exception {
    roles.failOn("zookeeper", "mesos_master_server-2");
    Engine e = engine();
    String id = record(e);
    assertThrows(DeployException.class, () -> e.converge(id, plan, inputs, options(true)));
    assertEquals(7, cloud.list(id).size());
    assertConsistent(id);
    roles.failures.clear();
    Deployment d = engine().converge(id, plan, inputs, options(false));
    assertEquals(DeploymentStatus.CREATE_COMPLETE, d.status());
    assertEquals(7, cloud.list(id).size());
    assertEquals(7, cloud.calls("create").stream().mapToInt(c -> c.args().size()).sum());
    assertConsistent(id);
  }

  @Test
  void aCrashMidCreateResumesToExactlyThePlannedNodes() throws Exception {
    cloud.crashAfterCreates(3);
    Engine e = engine();
    String id = record(e);
    assertThrows(FakeCloud.Crash.class, () -> e.converge(id, plan, inputs, options(false)));
    // the process "died": a new engine, same store and cloud
    cloud.crashAfterCreates(-1);
    Deployment d = engine().converge(id, plan, inputs, options(false));
    assertEquals(DeploymentStatus.CREATE_COMPLETE, d.status());
    List<String> names = cloud.list(id).stream().map(CloudNode::name).sorted().toList();
    assertEquals(7, names.size());
    assertEquals(7, new TreeSet<>(names).size());
    assertConsistent(id);
  }

  @Test
  void aMachineLeftHalfMadeByACrashIsMadeAgain() throws Exception {
    cloud.crashAfterCreates(2);
    Engine e = engine();
    String id = record(e);
    assertThrows(FakeCloud.Crash.class, () -> e.converge(id, plan, inputs, options(false)));
    cloud.crashAfterCreates(-1);
    String halfMade = cloud.list(id).get(0).id();
    cloud.setState(halfMade, CloudNode.State.PENDING); // created, never started
    Deployment d = engine().converge(id, plan, inputs, options(false));
    assertEquals(DeploymentStatus.CREATE_COMPLETE, d.status());
    assertTrue(cloud.destroyed().contains(halfMade));
    assertEquals(7, cloud.list(id).size());
    assertConsistent(id);
  }

  @Test
  void undeployThatFailsCanBeRetried() throws Exception {
    Engine e = engine();
    String id = record(e);
    e.converge(id, plan, inputs, options(false));
    cloud.failDestroy("engine not reachable");
    assertThrows(DeployException.class, () -> e.undeploy(id));
    assertEquals(DeploymentStatus.DELETE_FAILED, store.get(id).orElseThrow().status());
    cloud.failDestroy(null);
    e.undeploy(id);
    assertEquals(DeploymentStatus.DELETE_COMPLETE, store.get(id).orElseThrow().status());
    assertEquals(0, cloud.list(id).size());
    assertConsistent(id);
  }

  @Test
  void scaleAgentsUpAndDownHonoursTheRemovalList() throws Exception {
    Engine e = engine();
    String id = record(e);
    e.converge(id, plan, inputs, options(false));
    e.scale(id, plan, "mesos_slave_server", 4, List.of(), inputs, options(false));
    assertEquals(List.of("mesos_slave_server-0", "mesos_slave_server-1", "mesos_slave_server-2",
        "mesos_slave_server-3"), agents(id));
    assertTrue(roles.ran("consul-agent").contains("mesos_slave_server-3"));
    e.scale(id, plan, "mesos_slave", 1, List.of("mesos_slave_server-0"), inputs,
        options(false));
    assertEquals(List.of("mesos_slave_server-1"), agents(id));
    assertEquals(DeploymentStatus.UPDATE_COMPLETE, store.get(id).orElseThrow().status());
    assertEquals(6, cloud.list(id).size());
    assertConsistent(id);
    DeployException masters = assertThrows(DeployException.class, () -> e.scale(id, plan,
        "mesos_master_server", 5, List.of(), inputs, options(false)));
    assertTrue(masters.getMessage().contains("membership is fixed"));
    DeployException unknown = assertThrows(DeployException.class, () -> e.scale(id, plan,
        "mesos_slave_server", 0, List.of("nope-3"), inputs, options(false)));
    assertTrue(unknown.getMessage().contains("removal list names 'nope-3'"));
  }

  private List<String> agents(String id) throws Exception {
    return cloud.list(id).stream().map(CloudNode::name)
        .filter(n -> n.startsWith("mesos_slave_server")).sorted().toList();
  }

  /** Roles that record where they ran and fail where told. */
  static final class FakeRoles implements RoleRunner {
    final Map<String, List<String>> runs = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> vars = new ConcurrentHashMap<>();
    final Set<String> failures = Collections.newSetFromMap(new ConcurrentHashMap<>());

    void failOn(String role, String machine) {
      failures.add(role + "@" + machine);
    }

    List<String> ran(String role) {
      return runs.getOrDefault(role, List.of());
    }

    @Override
    public boolean has(String role) {
      return Set.of("zookeeper", "consul-server", "consul-agent").contains(role);
    }

    @Override
    public boolean run(String role, RemoteShell shell, Map<String, Object> v,
        Consumer<String> log) throws RoleException {
      String machine = (String) v.get("node_name");
      log.accept("running " + role);
      if (failures.contains(role + "@" + machine)) {
        log.accept("consul: exit status 1");
        throw new RoleException("role " + role + " failed: recipe exited with status 1");
      }
      runs.computeIfAbsent(role, k -> Collections.synchronizedList(new ArrayList<>()))
          .add(machine);
      vars.put(machine, v);
      return true;
    }
  }

  /** A shell that accepts everything. */
  record FakeShell(String node) implements RemoteShell {
    @Override
    public int exec(String command, Consumer<String> output) {
      return 0;
    }

    @Override
    public void upload(byte[] content, String remotePath, int mode) {}

    @Override
    public void upload(Path local, String remotePath, int mode) {}

    @Override
    public void close() {}
  }
}
