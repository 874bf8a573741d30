package org.regatta.controlplane.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.regatta.controlplane.api.App;
import org.regatta.controlplane.api.AppDefaults;
import org.regatta.controlplane.api.MarathonJson;
import org.regatta.controlplane.master.DocumentStore.StoreException;
import org.regatta.controlplane.protocol.AgentProtocol;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;
import org.regatta.controlplane.scheduler.Agent;
import org.regatta.controlplane.scheduler.ClusterView;
import org.regatta.controlplane.scheduler.Delayed;
import org.regatta.controlplane.scheduler.LaunchBackoff;
import org.regatta.controlplane.scheduler.Framework;
import org.regatta.controlplane.scheduler.Placement;
import org.regatta.controlplane.scheduler.PortRange;
import org.regatta.controlplane.scheduler.Resources;
import org.regatta.controlplane.scheduler.RunningTask;
import org.regatta.controlplane.scheduler.Scheduler;
import org.regatta.controlplane.scheduler.SchedulingResult;
import org.regatta.controlplane.scheduler.TaskRequest;
import org.regatta.controlplane.scheduler.Unplaced;

/**
 * What the leader does every tick: fold agents' reports into the recorded tasks (adopting, never
 * duplicating), mark tasks of silent agents TASK_LOST, then bring every app to its instance count
 * through the scheduler: record the new task in ZooKeeper first, then ask its agent to launch it.
 */
public final class ControlLoop {

  static final String APPS = "apps";
  static final String TASKS = "tasks";
  static final Set<String> LIVE = Set.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING");
  private static final ObjectMapper JSON = new ObjectMapper().configure(
      com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  /** How far a state has come: reports never move a task back (an old heartbeat may arrive late). */
  private static final List<String> ORDER = List.of("TASK_STAGING", "TASK_STARTING",
      "TASK_RUNNING", "TASK_KILLING");
  /** A heartbeat this long after a launch must list the task, or the agent never got it. */
  private static final Duration LISTING_GRACE = Duration.ofSeconds(5);

  private final DocumentStore store;
  private final AgentRegistry agents;
  private final Scheduler scheduler = Scheduler.withEqualWeights();
  private final AgentClient client;
  private final Clock clock;
  private final Duration launchTimeout;
  private volatile Instant leaderSince = Instant.EPOCH;
  /** Per app: consecutive failed tasks and when the last one failed (Marathon's backoff). */
  private final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Instant> lastFailure = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile List<Unplaced> queue = List.of();
  private volatile List<Delayed> delayed = List.of();

  public ControlLoop(DocumentStore store, AgentRegistry agents, AgentClient client, Clock clock,
      Duration launchTimeout) {
    this.store = store;
    this.agents = agents;
    this.client = client;
    this.clock = clock;
    this.launchTimeout = launchTimeout;
  }

  public void becameLeader() {
    leaderSince = clock.instant();
    queue = List.of();
  }

  /** Tasks waiting out their app's launch backoff after failures. */
  public List<Delayed> delayed() {
    return delayed;
  }

  /** The backlog: tasks that could not be placed, with why. */
  public List<Unplaced> queue() {
    return queue;
  }

  public AgentRegistry agents() {
    return agents;
  }

  public DocumentStore store() {
    return store;
  }

  // --- reading and writing the state ---------------------------------------------------------

  Map<String, App> apps() throws StoreException {
    Map<String, App> out = new LinkedHashMap<>();
    for (DocumentStore.Document d : store.list(APPS)) {
      out.put(d.key(), MarathonJson.readApp(new String(d.data(),
          java.nio.charset.StandardCharsets.UTF_8)).orElseThrow());
    }
    return out;
  }

  Map<String, StoredTask> tasks() throws StoreException {
    Map<String, StoredTask> out = new LinkedHashMap<>();
    for (DocumentStore.Document d : store.list(TASKS)) {
      try {
        out.put(d.key(), JSON.readValue(d.data(), StoredTask.class));
      } catch (IOException e) {
        throw new StoreException("task " + d.key() + " is unreadable: " + e.getMessage(), e);
      }
    }
    return out;
  }

  void save(StoredTask t) throws StoreException {
    try {
      store.put(TASKS, t.id(), JSON.writeValueAsBytes(t));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- reports ----------------------------------------------------------------------------------

  /** A status an agent pushed (or listed in its heartbeat). */
  public synchronized void report(String agentId, TaskReport r) throws StoreException {
    Map<String, StoredTask> tasks = tasks();
    if (tasks.containsKey(r.taskId())) { // pushes update; only heartbeats adopt
      apply(agentId, r, tasks, apps());
    }
  }

  private static int rank(String state) {
    return StoredTask.TERMINAL.contains(state) ? 100 : ORDER.indexOf(state);
  }

  private void apply(String agentId, TaskReport r, Map<String, StoredTask> tasks,
      Map<String, App> apps) throws StoreException {
    StoredTask t = tasks.get(r.taskId());
    boolean terminal = StoredTask.TERMINAL.contains(r.state());
    if (t != null && (t.terminal() || rank(r.state()) < rank(t.state())
        && !t.state().equals("TASK_KILLING"))) {
      return; // never backwards
    }
    if (t != null && !r.state().equals(t.state())) {
      if (r.state().equals("TASK_FAILED")) {
        failures.merge(t.appId(), 1, Integer::sum);
        lastFailure.put(t.appId(), clock.instant());
      } else if (r.state().equals("TASK_RUNNING")) {
        failures.remove(t.appId());
      }
    }
    if (t != null) {
      if (!r.state().equals(t.state()) && !(t.state().equals("TASK_KILLING") && !terminal)
          || r.healthy() != null && !r.healthy().equals(t.healthy())) {
        StoredTask u = t.withState(t.state().equals("TASK_KILLING") && !terminal ? t.state()
            : r.state(), r.healthy(), Times.format(clock.instant()));
        tasks.put(u.id(), u);
        save(u);
      }
      return;
    }
    var agent = agents.get(agentId);
    if (terminal || agent.isEmpty()) {
      return;
    }
    if (apps.containsKey(r.appId())) {
      // a task the leader did not know (a report from before this leader): adopt it
      StoredTask adopted = new StoredTask(r.taskId(), r.appId(), agentId,
          agent.get().info().hostname(), r.ports() == null ? List.of() : r.ports(), r.state(),
          r.healthy(), Times.normalise(r.timestamp()), Times.normalise(r.timestamp()),
          apps.get(r.appId()).version());
      tasks.put(adopted.id(), adopted);
      save(adopted);
    } else {
      client.kill(agent.get().info().url(), r.taskId());
    }
  }

  // --- the tick ---------------------------------------------------------------------------------

  public synchronized void tick() throws StoreException {
    Instant now = clock.instant();
    Map<String, App> apps = apps();
    Map<String, StoredTask> tasks = tasks();
    Set<String> reported = new HashSet<>();
    for (AgentRegistry.Seen s : agents.active(now)) {
      for (TaskReport r : s.info().tasks()) {
        reported.add(r.taskId());
        apply(s.info().agentId(), r, tasks, apps);
      }
    }
    for (StoredTask t : new ArrayList<>(tasks.values())) {
      // an agent that answers but no longer lists a task (it restarted, it never got the
      // launch): the task is lost
      var seen = agents.get(t.agentId());
      if (!t.terminal() && !reported.contains(t.id()) && seen.isPresent()
          && agents.alive(t.agentId(), now)
          && seen.get().at().isAfter(Instant.parse(t.stagedAt()).plus(LISTING_GRACE))) {
        store.delete(TASKS, t.id());
        tasks.remove(t.id());
      }
    }
    boolean settled = now.isAfter(leaderSince.plus(agents.timeout()));
    for (StoredTask t : new ArrayList<>(tasks.values())) {
      if (t.terminal()) {
        store.delete(TASKS, t.id());
        tasks.remove(t.id());
        continue;
      }
      boolean agentGone = !agents.alive(t.agentId(), now);
      boolean neverStarted = t.state().equals("TASK_STAGING") && !reported.contains(t.id())
          && Instant.parse(t.stagedAt()).plus(launchTimeout).isBefore(now);
      if (settled && (agentGone || neverStarted)) {
        store.delete(TASKS, t.id()); // TASK_LOST: it is replaced below
        tasks.remove(t.id());
      }
    }
    List<TaskRequest> pending = new ArrayList<>();
    Map<String, App> byRequest = new HashMap<>();
    for (App app : apps.values()) {
      List<StoredTask> live = tasks.values().stream().filter(t -> t.appId().equals(app.id()))
          .filter(t -> LIVE.contains(t.state()))
          .sorted(Comparator.comparing(StoredTask::stagedAt)).toList();
      int want = app.instances() == null ? 1 : app.instances();
      for (int i = want; i < live.size(); i++) {
        kill(live.get(i), tasks);
      }
      for (int i = live.size(); i < want; i++) {
        TaskRequest req = request(app);
        int failed = failures.getOrDefault(app.id(), 0);
        if (failed > 0) {
          App a = AppDefaults.fill(app);
          req = req.withNotBefore(new LaunchBackoff(Duration.ofSeconds(a.backoffSeconds()),
              a.backoffFactor(), Duration.ofSeconds(a.maxLaunchDelaySeconds()))
              .notBefore(lastFailure.get(app.id()), failed));
        }
        pending.add(req);
        byRequest.put(req.taskId(), app);
      }
    }
    for (StoredTask t : new ArrayList<>(tasks.values())) {
      if (!apps.containsKey(t.appId()) && !t.state().equals("TASK_KILLING")) {
        kill(t, tasks);
      }
    }
    if (!settled) {
      return; // a new leader first hears every agent before it launches anything
    }
    SchedulingResult result = scheduler.schedule(view(now, tasks, apps), pending, now);
    for (Placement p : result.placements()) {
      App app = byRequest.get(p.task().taskId());
      StoredTask t = new StoredTask(p.task().taskId(), app.id(), p.agentId(), p.hostname(),
          p.hostPorts(), "TASK_STAGING", null, Times.format(now), null, app.version());
      save(t);
      agents.get(p.agentId()).ifPresent(a -> client.launch(a.info().url(), launch(app, t)));
    }
    queue = List.copyOf(result.unplaced());
    delayed = List.copyOf(result.delayed());
  }

  private void kill(StoredTask t, Map<String, StoredTask> tasks) throws StoreException {
    StoredTask k = t.withState("TASK_KILLING", t.healthy(), null);
    tasks.put(k.id(), k);
    save(k);
    agents.get(t.agentId()).ifPresent(a -> client.kill(a.info().url(), t.id()));
  }

  private static TaskRequest request(App app) {
    App a = AppDefaults.fill(app);
    String id = a.id().substring(1).replace('/', '_') + "." + UUID.randomUUID();
    TaskRequest r = TaskRequest.of(id, a.id(), Framework.SERVICES,
        Resources.of(a.cpus(), a.mem(), a.disk()))
        .withDynamicPorts(a.portDefinitions().size());
    List<org.regatta.controlplane.scheduler.Constraint> cs = new ArrayList<>();
    for (var c : a.constraints()) {
      List<String> form = new ArrayList<>(List.of(c.field(), c.operator()));
      if (c.value() != null) {
        form.add(c.value());
      }
      cs.add(org.regatta.controlplane.scheduler.Constraint.parse(form));
    }
    return r.withConstraints(cs.toArray(org.regatta.controlplane.scheduler.Constraint[]::new));
  }

  private ClusterView view(Instant now, Map<String, StoredTask> tasks, Map<String, App> apps) {
    List<Agent> out = new ArrayList<>();
    List<RunningTask> running = new ArrayList<>();
    for (AgentRegistry.Seen s : agents.active(now)) {
      AgentInfo i = s.info();
      PortRange[] ranges = i.ports().stream().map(r -> PortRange.of(r.get(0), r.get(1)))
          .toArray(PortRange[]::new);
      Resources used = Resources.NONE;
      Set<Integer> ports = new HashSet<>();
      for (StoredTask t : tasks.values()) {
        if (t.agentId().equals(i.agentId()) && !t.terminal()) {
          App a = apps.get(t.appId());
          Resources r = a == null ? Resources.NONE : resources(a);
          used = used.plus(r);
          ports.addAll(t.ports());
          running.add(new RunningTask(t.id(), t.appId(), Framework.SERVICES, i.agentId(), r,
              t.ports()));
        }
      }
      out.add(Agent.of(i.agentId(), i.hostname(), Resources.of(i.cpus(), i.memMb(), i.diskMb())
          .withGpus(i.gpus()).withPorts(ranges)).withUsed(used).withPortsInUse(ports)
          .withAttributes(i.attributes()));
    }
    return new ClusterView(out, running);
  }

  private static Resources resources(App app) {
    App a = AppDefaults.fill(app);
    return Resources.of(a.cpus(), a.mem(), a.disk());
  }

  private static Launch launch(App app, StoredTask t) {
    App a = AppDefaults.fill(app);
    List<String> names = a.portDefinitions().stream().map(p -> p.name()).toList();
    List<AgentProtocol.HealthCheck> checks = a.healthChecks().stream()
        .map(h -> new AgentProtocol.HealthCheck(h.protocol().name(), h.path(), h.portIndex(),
            h.command() == null ? null : h.command().value(),
            h.gracePeriodSeconds() == null ? 300 : h.gracePeriodSeconds(),
            h.intervalSeconds() == null ? 60 : h.intervalSeconds(),
            h.timeoutSeconds() == null ? 20 : h.timeoutSeconds(),
            h.maxConsecutiveFailures() == null ? 3 : h.maxConsecutiveFailures()))
        .toList();
    return new Launch(t.id(), a.id(), a.cmd(), a.args(), a.env(), a.uris(), a.cpus(), a.mem(),
        t.ports(), names, a.taskKillGracePeriodSeconds() == null ? 3
            : a.taskKillGracePeriodSeconds(), checks);
  }
}
