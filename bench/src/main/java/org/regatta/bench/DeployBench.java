package org.regatta.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.regatta.orchestrator.deploy.DeployOptions;
import org.regatta.orchestrator.deploy.Engine;
import org.regatta.orchestrator.deploy.NodeRoles;
import org.regatta.orchestrator.deploy.Progress;
import org.regatta.orchestrator.deploy.Secrets;
import org.regatta.orchestrator.deploy.SshAccess;
import org.regatta.orchestrator.deploy.Workspace;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.Planner;
import org.regatta.orchestrator.state.JdbcDeploymentStore;
import org.regatta.provisioner.cloud.Cloud;
import org.regatta.provisioner.cloud.Clouds;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.load.ToscaLoader;

/**
 * Time from deploy to CREATE_COMPLETE of a template on the local cloud, split into machine
 * creation, SSH-ready and roles; then undeploy. Prints numbers, asserts nothing.
 */
public final class DeployBench {

  private DeployBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    String template = args.length > 1 ? args[1] : "templates/mesos_cluster.yaml";
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path home = Files.createTempDirectory("regatta-bench-");
    Workspace ws = new Workspace(home);
    Clock clock = Clock.systemUTC();
    var store = JdbcDeploymentStore.open(JdbcDeploymentStore.h2Url(ws.stateDir()), clock);
    try (Cloud cloud = Clouds.local()) {
      for (int run = 1; run <= runs; run++) {
        LoadResult first = ToscaLoader.defaults().load(root.resolve(template), Map.of());
        if (!first.ok()) {
          throw new IllegalStateException(first.errors().toString());
        }
        Map<String, String> inputs = Secrets.forNewDeployment(first.inputs());
        Plan plan = Planner.plan(first);
        String id = UUID.randomUUID().toString();
        Timing t = new Timing(clock);
        Engine engine = new Engine(store, cloud, new SshAccess(ws, id, null),
            NodeRoles.distribution(), ws, t, clock);
        long start = clock.millis();
        engine.record(id, "bench", plan, template, "", inputs);
        engine.converge(id, plan, inputs, new DeployOptions("bench", Duration.ofMinutes(10),
            false, 8, Duration.ofMinutes(3)));
        long total = clock.millis() - start;
        long u0 = clock.millis();
        engine.undeploy(id);
        long undeploy = clock.millis() - u0;
        long nodes = plan.computeInstances().values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "bench deploy: %s (%d nodes) run %d: CREATE_COMPLETE"
            + " %.1f s = create %.1f s + ssh-ready %.1f s + roles %.1f s; undeploy %.1f s%n",
            template, nodes, run, total / 1e3, (t.created - start) / 1e3,
            (t.sshReady - t.created) / 1e3, (start + total - t.sshReady) / 1e3, undeploy / 1e3);
      }
    }
  }

  /** When the last machine was created and the last one answered SSH. */
  static final class Timing implements Progress {
    final Clock clock;
    final Map<String, Long> at = new ConcurrentHashMap<>();
    volatile long created;
    volatile long sshReady;

    Timing(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void step(String node, String step) {
      if (step.equals("ssh ready")) {
        sshReady = Math.max(sshReady, clock.millis());
      }
    }

    @Override
    public void done(String node, boolean ok, String note) {
      if (note.startsWith("created")) {
        created = Math.max(created, clock.millis());
      }
    }

    @Override
    public void info(String line) {}
  }
}
