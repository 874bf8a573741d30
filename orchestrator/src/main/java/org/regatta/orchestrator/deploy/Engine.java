package org.regatta.orchestrator.deploy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.regatta.orchestrator.plan.NodeInstance;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.plan.Step;
import org.regatta.orchestrator.state.Deployment;
import org.regatta.orchestrator.state.DeploymentStatus;
import org.regatta.orchestrator.state.DeploymentStore;
import org.regatta.orchestrator.state.NodeState;
import org.regatta.orchestrator.state.Resource;
import org.regatta.orchestrator.state.StoreException;
import org.regatta.provisioner.cloud.Cloud;
import org.regatta.provisioner.cloud.CloudException;
import org.regatta.provisioner.cloud.CloudNode;
import org.regatta.provisioner.cloud.CreateResult;
import org.regatta.provisioner.ssh.KeyPairs;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshException;

/**
 * Carries out plans on a cloud: records every node before asking the cloud for it, creates all
 * machines in one parallel request, then runs each node's roles over SSH as soon as the steps it
 * waits for are done. On failure it says which node and step failed and, unless told to keep
 * them, destroys what it created.
 */
public final class Engine {

  final DeploymentStore store;
  final Cloud cloud;
  final NodeAccess access;
  final RoleRunner roles;
  final Workspace workspace;
  final Progress progress;
  final Clock clock;

  public Engine(DeploymentStore store, Cloud cloud, NodeAccess access, RoleRunner roles,
      Workspace workspace, Progress progress, Clock clock) {
    this.store = store;
    this.cloud = cloud;
    this.access = access;
    this.roles = roles;
    this.workspace = workspace;
    this.progress = progress;
    this.clock = clock;
  }

  /** Records a new deployment (CREATE_IN_PROGRESS) and its nodes (INITIAL). */
  public Deployment record(String id, String name, Plan plan, String templateFile,
      String templateText, Map<String, String> inputs) throws StoreException {
    Deployment d = new Deployment(id, name, templateFile, templateText, inputs, Map.of(),
        DeploymentStatus.CREATE_IN_PROGRESS, null, cloud.name(), clock.instant(),
        clock.instant());
    store.create(d);
    for (PlannedNode n : plan.nodes()) {
      if (n.compute()) {
        for (NodeInstance i : n.instances()) {
          store.putResource(new Resource(id, Resource.name(n.name(), i.index()), n.name(),
              i.index(), null, NodeState.INITIAL, null, null, "recorded", clock.instant()));
        }
      }
    }
    return d;
  }

  /**
   * Brings a recorded deployment to CREATE_COMPLETE: adopts nodes the cloud already has (after a
   * crash), creates the missing ones, runs every role (idempotent), stores the outputs.
   */
  public Deployment converge(String id, Plan plan, Map<String, String> secrets,
      DeployOptions options) throws DeployException, StoreException {
    Deployment d = store.get(id).orElseThrow(() -> new DeployException(id, "no deployment "
        + id));
    if (d.status() == DeploymentStatus.CREATE_FAILED) {
      store.setStatus(id, DeploymentStatus.CREATE_IN_PROGRESS, "resumed");
    }
    long start = clock.millis();
    try {
      createMachines(id, plan);
      runSteps(id, plan, secrets, options, start, null);
      Map<String, String> outputs = outputs(plan, store.resources(id), secrets);
      store.setOutputs(id, outputs);
      store.setStatus(id, DeploymentStatus.CREATE_COMPLETE, null);
      progress.info("deployment " + id + " CREATE_COMPLETE in "
          + seconds(clock.millis() - start));
      return store.get(id).orElseThrow();
    } catch (DeployException e) {
      fail(id, e.getMessage(), options.keepFailed());
      throw e;
    }
  }

  /** See {@link Scaling}: adds or removes machines of a scalable node. */
  public Deployment scale(String id, Plan plan, String nodeName, int count, List<String> removal,
      Map<String, String> secrets, DeployOptions options) throws DeployException,
      StoreException {
    return new Scaling(this).scale(id, plan, nodeName, count, removal, secrets, options);
  }

  /** Everything a deployment created, destroyed; the deployment ends DELETE_COMPLETE. */
  public void undeploy(String id) throws DeployException, StoreException {
    store.setStatus(id, DeploymentStatus.DELETE_IN_PROGRESS, null);
    try {
      destroyAll(id);
      store.setStatus(id, DeploymentStatus.DELETE_COMPLETE, null);
    } catch (CloudException e) {
      store.setStatus(id, DeploymentStatus.DELETE_FAILED, e.getMessage());
      throw new DeployException(id, e.getMessage());
    }
  }

  /** Destroys what the cloud has for the deployment plus anything recorded; forgets the nodes. */
  private void destroyAll(String id) throws CloudException, StoreException {
    Set<String> ids = new HashSet<>();
    for (CloudNode n : cloud.list(id)) {
      ids.add(n.id());
    }
    List<Resource> recorded = store.resources(id);
    for (Resource r : recorded) {
      if (r.cloudId() != null) {
        ids.add(r.cloudId());
      }
      store.putResource(r.with(NodeState.DELETING, "destroying", clock.instant()));
    }
    progress.info("destroying " + ids.size() + " node(s) of " + id);
    cloud.destroy(ids);
    for (Resource r : recorded) {
      store.putResource(r.with(NodeState.DELETED, "destroyed", clock.instant()));
      access.forget(r);
    }
  }

  private void fail(String id, String reason, boolean keep) throws StoreException {
    if (!keep) {
      try {
        destroyAll(id);
        progress.info("cleaned up: every node of " + id + " destroyed (use --keep-failed to"
            + " keep them for inspection)");
      } catch (CloudException e) {
        reason += "; cleaning up failed too: " + e.getMessage() + " (run 'orchestrator"
            + " undeploy " + id + "')";
      }
    }
    store.setStatus(id, DeploymentStatus.CREATE_FAILED, reason);
  }

  /** Adopts machines the cloud already has for recorded nodes; creates the others in parallel. */
  void createMachines(String id, Plan plan) throws DeployException, StoreException {
    Map<String, CloudNode> existing = new LinkedHashMap<>();
    try {
      for (CloudNode n : cloud.list(id)) {
        existing.put(n.name(), n);
      }
    } catch (CloudException e) {
      throw new DeployException(id, e.getMessage());
    }
    List<Resource> missing = new ArrayList<>();
    List<String> halfMade = new ArrayList<>();
    for (Resource r : store.resources(id)) {
      CloudNode n = existing.remove(r.name());
      if (n != null && (n.state() != CloudNode.State.RUNNING || n.privateAddress() == null)) {
        // created but never started (the orchestrator died in between): make it again
        halfMade.add(n.id());
        n = null;
      }
      if (n != null) {
        if (r.cloudId() == null || r.state().ordinal() < NodeState.CREATED.ordinal()) {
          store.putResource(r.withCloud(n.id(), n.privateAddress(), n.publicAddress(),
              clock.instant()).with(NodeState.CREATED, "adopted", clock.instant()));
          progress.done(r.name(), true, "adopted " + n.id());
        }
      } else if (r.state() != NodeState.DELETED) {
        missing.add(r);
      }
    }
    existing.values().forEach(n -> halfMade.add(n.id()));
    if (!halfMade.isEmpty()) {
      // half-made machines, and machines of this deployment that no record names: never leak
      try {
        cloud.destroy(halfMade);
      } catch (CloudException e) {
        throw new DeployException(id, e.getMessage());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String key;
    try {
      key = KeyPairs.loadOrGenerate(workspace.sshDir(id), "regatta-" + id).publicKeyLine();
    } catch (java.io.IOException e) {
      throw new DeployException(id, "cannot create the deployment's SSH key in "
          + workspace.sshDir(id) + ": " + e.getMessage());
    }
    List<org.regatta.provisioner.cloud.NodeSpec> specs = new ArrayList<>();
    for (Resource r : missing) {
      store.putResource(r.with(NodeState.CREATING, "creating", clock.instant()));
      progress.step(r.name(), "creating");
      PlannedNode node = plan.nodes().stream().filter(n -> n.name().equals(r.node()))
          .findFirst().orElse(null);
      if (node == null) {
        throw new DeployException(id, "node " + r.name() + " is recorded but its template "
            + r.node() + " is not in the plan (was the template changed?)");
      }
      specs.add(Specs.of(id, r, node, key));
    }
    CreateResult result = cloud.create(specs);
    Map<String, Resource> byName = new LinkedHashMap<>();
    missing.forEach(r -> byName.put(r.name(), r));
    for (CloudNode n : result.created()) {
      Resource r = byName.get(n.name());
      if (r != null && !result.failed().containsKey(n.name())) {
        store.putResource(r.withCloud(n.id(), n.privateAddress(), n.publicAddress(),
            clock.instant()).with(NodeState.CREATED, "created", clock.instant()));
        progress.done(r.name(), true, "created " + n.privateAddress());
      } else if (r != null) {
        store.putResource(r.withCloud(n.id(), n.privateAddress(), n.publicAddress(),
            clock.instant()));
      }
    }
    if (!result.failed().isEmpty()) {
      for (Map.Entry<String, String> f : result.failed().entrySet()) {
        Resource r = byName.get(f.getKey());
        if (r != null) {
          store.putResource(store.resources(id).stream().filter(x -> x.name().equals(r.name()))
              .findFirst().orElse(r).with(NodeState.ERROR, "create: " + f.getValue(),
                  clock.instant()));
        }
        workspace.append(id, f.getKey(), "create failed: " + f.getValue());
        progress.done(f.getKey(), false, f.getValue());
      }
      Map.Entry<String, String> first = result.failed().entrySet().iterator().next();
      throw new DeployException(id, result.failed().size() + " of " + specs.size()
          + " node(s) could not be created; " + first.getKey() + ": " + first.getValue());
    }
  }

  /** Runs the plan's steps on every machine, or only on {@code only} when it is not null. */
  void runSteps(String id, Plan plan, Map<String, String> secrets,
      DeployOptions options, long start, Set<String> only)
      throws DeployException, StoreException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallelism()));
    Map<String, RemoteShell> shells = new ConcurrentHashMap<>();
    AtomicReference<String> failure = new AtomicReference<>();
    try {
      Map<String, CompletableFuture<Void>> done = new LinkedHashMap<>();
      for (Step s : plan.steps()) {
        CompletableFuture<?>[] deps = s.after().stream().map(done::get)
            .filter(java.util.Objects::nonNull).toArray(CompletableFuture[]::new);
        done.put(s.id(), CompletableFuture.allOf(deps).thenComposeAsync(
            x -> step(id, plan, s, secrets, options, shells, failure, pool, only), pool));
      }
      long left = options.timeout().toMillis() - (clock.millis() - start);
      CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new))
          .get(Math.max(1, left), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      failure.compareAndSet(null, "timed out after " + options.timeout().toSeconds()
          + " s (raise it with --timeout)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure.compareAndSet(null, "interrupted");
    } catch (ExecutionException e) {
      failure.compareAndSet(null, String.valueOf(e.getCause()));
    } finally {
      pool.shutdownNow();
      shells.values().forEach(RemoteShell::close);
    }
    if (failure.get() != null) {
      throw new DeployException(id, failure.get());
    }
  }

  /** One step of one node template, over all its instances in parallel. */
  private CompletableFuture<Void> step(String id, Plan plan, Step s, Map<String, String> secrets,
      DeployOptions options, Map<String, RemoteShell> shells, AtomicReference<String> failure,
      ExecutorService pool, Set<String> only) {
    if (failure.get() != null) {
      return CompletableFuture.completedFuture(null);
    }
    PlannedNode node = plan.nodes().stream().filter(n -> n.name().equals(s.node())).findFirst()
        .orElseThrow();
    String host = rootHost(plan, node);
    List<String> machines;
    try {
      // the recorded machines, not the template's count: scale changes them
      machines = store.resources(id).stream().filter(r -> r.node().equals(host))
          .filter(r -> r.state() != NodeState.DELETED && r.state() != NodeState.DELETING)
          .map(Resource::name).filter(m -> only == null || only.contains(m)).toList();
    } catch (StoreException e) {
      failure.compareAndSet(null, e.getMessage());
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (String machine : machines) {
      work.add(CompletableFuture.runAsync(() -> {
        if (failure.get() != null) {
          return;
        }
        try {
          instanceStep(id, plan, node, s, machine, secrets, options, shells);
        } catch (StepFailure e) {
          if (failure.compareAndSet(null, e.getMessage())) {
            progress.done(machine, false, e.getMessage());
          }
        }
      }, pool));
    }
    return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
  }

  /** The compute node at the bottom of a chain of hosts. */
  static String rootHost(Plan plan, PlannedNode node) {
    PlannedNode n = node;
    for (int guard = 0; !n.compute() && n.hostNode() != null && guard < 32; guard++) {
      String host = n.hostNode();
      n = plan.nodes().stream().filter(x -> x.name().equals(host)).findFirst().orElse(n);
    }
    return n.name();
  }

  private static final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
      super(message);
    }
  }

  private void instanceStep(String id, Plan plan, PlannedNode node, Step s, String machine,
      Map<String, String> secrets, DeployOptions options, Map<String, RemoteShell> shells)
      throws StepFailure {
    try {
      Resource r = resource(id, machine);
      if (node.compute()) {
        switch (s.operation()) {
          case CREATE -> { } // all machines were created together
          case CONFIGURE -> {
            mark(r, NodeState.CONFIGURING, "waiting for SSH");
            progress.step(machine, "waiting for SSH");
            shells.put(machine, access.connect(r, options.bootTimeout()));
            workspace.append(id, machine, "ssh: connected");
            progress.step(machine, "ssh ready");
            mark(resource(id, machine), NodeState.CONFIGURED, "ssh ready");
          }
          case START -> { } // started once every node hosted on it is (see below)
        }
        return;
      }
      if (s.operation() != Step.Operation.CREATE) {
        return;
      }
      RemoteShell shell = shells.get(machine);
      if (shell == null) {
        throw new StepFailure(machine + ": no SSH session (its machine step did not run)");
      }
      for (String role : node.roles()) {
        if (!roles.has(role)) {
          workspace.append(id, machine, "role " + role + ": not part of this release, skipped");
          continue;
        }
        String what = node.name() + ": " + role;
        mark(resource(id, machine), NodeState.CONFIGURING, what);
        progress.step(machine, what);
        workspace.append(id, machine, "== " + what);
        Map<String, Object> vars = RoleVars.of(plan, store.resources(id), machine, node,
            secrets);
        boolean changed = roles.run(role, shell, vars, line -> workspace.append(id, machine,
            line));
        workspace.append(id, machine, "== " + what + (changed ? ": changed" : ": unchanged"));
      }
      if (lastHostedStep(plan, node, machine)) {
        mark(resource(id, machine), NodeState.STARTED, "started");
        progress.done(machine, true, "started");
      } else {
        mark(resource(id, machine), NodeState.CONFIGURED, node.name() + ": done");
      }
    } catch (SshException | org.regatta.provisioner.roles.RoleException e) {
      String msg = machine + " (" + node.name() + ", step " + s.id() + "): " + e.getMessage();
      workspace.append(id, machine, "FAILED: " + e.getMessage());
      try {
        mark(resource(id, machine), NodeState.ERROR, "failed: " + s.id());
      } catch (StoreException ignored) {
        // the failure below is what the user needs; the store error repeats on the next call
      }
      throw new StepFailure(msg + tailOf(id, machine));
    } catch (StoreException e) {
      throw new StepFailure(e.getMessage());
    }
  }

  /** True when no other software node is hosted on this machine, or this is the last of them. */
  private static boolean lastHostedStep(Plan plan, PlannedNode node, String machine) {
    List<PlannedNode> hosted = plan.nodes().stream().filter(n -> !n.compute())
        .filter(n -> machine.startsWith(rootHost(plan, n) + "-")).toList();
    return hosted.isEmpty() || hosted.get(hosted.size() - 1).name().equals(node.name());
  }

  private String tailOf(String id, String machine) {
    List<String> tail = workspace.tail(id, machine, 10);
    return tail.isEmpty() ? "" : "\n  last lines of its log:\n    " + String.join("\n    ", tail)
        + "\n  whole log: orchestrator logs " + id + " --node " + machine;
  }

  private Resource resource(String id, String name) throws StoreException, StepFailure {
    return store.resources(id).stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new StepFailure("node " + name + " is not recorded"));
  }

  private void mark(Resource r, NodeState s, String step) throws StoreException {
    store.putResource(r.with(s, step, clock.instant()));
  }

  /** Outputs as text, with attributes of the created nodes filled in. */
  static Map<String, String> outputs(Plan plan, List<Resource> resources,
      Map<String, String> secrets) {
    Attributes attributes = new Attributes(plan, resources, secrets);
    Map<String, String> out = new LinkedHashMap<>();
    plan.outputs().forEach((k, o) -> out.put(k, Attributes.text(attributes.resolve(o.value(),
        null))));
    return out;
  }

  static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

}
