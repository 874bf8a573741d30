package org.regatta.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/** The leader's loop against a fake clock and fake agents: placement, loss, failover. */
class ControlLoopTest {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  /** Agents that run what they are told, as far as the loop can see. */
  static final class FakeAgents implements AgentClient {
    final List<Launch> launched = new ArrayList<>();
    final List<String> killed = new ArrayList<>();

    @Override
    public void launch(String agentUrl, Launch launch) {
      launched.add(launch);
    }

    @Override
    public void kill(String agentUrl, String taskId) {
      killed.add(taskId);
    }
  }

  MovingClock clock;
  MemoryDocumentStore store;
  FakeAgents agents;
  ControlLoop loop;

  @BeforeEach
  void setUp() throws Exception {
    clock = new MovingClock();
    store = new MemoryDocumentStore();
    agents = new FakeAgents();
    loop = newLeader();
    store.put("apps", "/web", ("{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":3,\"cpus\":1,"
        + "\"mem\":64,\"constraints\":[[\"hostname\",\"MAX_PER\",\"2\"]]}")
        .getBytes(StandardCharsets.UTF_8));
  }

  private ControlLoop newLeader() {
    ControlLoop l = new ControlLoop(store, new AgentRegistry(Duration.ofSeconds(10)), agents,
        clock, Duration.ofSeconds(60));
    l.becameLeader();
    return l;
  }

  private AgentInfo agent(String id, List<TaskReport> tasks) {
    return new AgentInfo(id, id + ".local", "http://" + id, 4, 4096, 10000, 0,
        List.of(List.of(31000, 31100)), Map.of(), tasks);
  }

  /** What an agent would now report: RUNNING for every task launched on it. */
  private List<TaskReport> running(String agentId) throws Exception {
    return loop.tasks().values().stream().filter(t -> t.agentId().equals(agentId))
        .filter(t -> !t.state().equals("TASK_KILLING"))
        .map(t -> new TaskReport(t.id(), t.appId(), "TASK_RUNNING", null, t.ports(), null,
            clock.instant().toString())).collect(Collectors.toList());
  }

  private void heartbeat(String... ids) throws Exception {
    for (String id : ids) {
      loop.agents().heard(agent(id, running(id)), clock.instant());
    }
  }

  @Test
  void placesTheInstancesOnlyAfterHearingEveryAgentThenKeepsThem() throws Exception {
    heartbeat("a1", "a2");
    loop.tick();
    assertTrue(agents.launched.isEmpty(), "a new leader launches nothing before it heard all");
    clock.advance(Duration.ofSeconds(11));
    heartbeat("a1", "a2");
    loop.tick();
    assertEquals(3, agents.launched.size());
    Map<String, Long> perAgent = loop.tasks().values().stream()
        .collect(Collectors.groupingBy(StoredTask::agentId, Collectors.counting()));
    assertTrue(perAgent.values().stream().allMatch(n -> n <= 2), perAgent::toString);
    clock.advance(Duration.ofSeconds(1));
    heartbeat("a1", "a2");
    loop.tick();
    assertEquals(3, agents.launched.size(), "nothing launched twice");
    assertTrue(loop.tasks().values().stream().allMatch(t -> t.state().equals("TASK_RUNNING")));
  }

  @Test
  void tasksOfASilentAgentAreLostAndReplacedElsewhere() throws Exception {
    clock.advance(Duration.ofSeconds(11));
    heartbeat("a1", "a2", "a3");
    loop.tick();
    heartbeat("a1", "a2", "a3");
    loop.tick();
    String victim = loop.tasks().values().iterator().next().agentId();
    long onVictim = loop.tasks().values().stream().filter(t -> t.agentId().equals(victim))
        .count();
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofSeconds(1));
      for (String id : List.of("a1", "a2", "a3")) {
        if (!id.equals(victim)) {
          heartbeat(id);
        }
      }
      loop.tick();
    }
    assertEquals(3 + onVictim, agents.launched.size());
    assertTrue(loop.tasks().values().stream().noneMatch(t -> t.agentId().equals(victim)));
    assertEquals(3, loop.tasks().size());
  }

  @Test
  void aNewLeaderAdoptsWhatAgentsRunAndDuplicatesNothing() throws Exception {
    clock.advance(Duration.ofSeconds(11));
    heartbeat("a1", "a2");
    loop.tick();
    List<TaskReport> a1 = running("a1");
    List<TaskReport> a2 = running("a2");
    // the leader dies; one task had not been recorded (recorded by a leader older still)
    store.delete("tasks", a1.get(0).taskId());
    loop = newLeader();
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofSeconds(1));
      loop.agents().heard(agent("a1", a1), clock.instant());
      loop.agents().heard(agent("a2", a2), clock.instant());
      loop.tick();
    }
    assertEquals(3, agents.launched.size(), "the new leader launched nothing");
    assertEquals(3, loop.tasks().size());
  }

  @Test
  void scalingDownKillsTheNewestAndDeletingAnAppKillsItsTasks() throws Exception {
    clock.advance(Duration.ofSeconds(11));
    heartbeat("a1", "a2");
    loop.tick();
    store.put("apps", "/web", "{\"id\":\"/web\",\"cmd\":\"serve\",\"instances\":1}"
        .getBytes(StandardCharsets.UTF_8));
    heartbeat("a1", "a2");
    loop.tick();
    assertEquals(2, agents.killed.size());
    store.delete("apps", "/web");
    loop.tick();
    assertEquals(3, agents.killed.size());
  }

  @Test
  void anAppWhoseTasksFailWaitsOutItsBackoff() throws Exception {
    store.put("apps", "/web", ("{\"id\":\"/web\",\"cmd\":\"false\",\"instances\":1,"
        + "\"backoffSeconds\":10,\"backoffFactor\":2}").getBytes(StandardCharsets.UTF_8));
    clock.advance(Duration.ofSeconds(11));
    heartbeat("a1");
    loop.tick();
    assertEquals(1, agents.launched.size());
    String first = agents.launched.get(0).taskId();
    loop.report("a1", new TaskReport(first, "/web", "TASK_FAILED", "exit 1", List.of(), null,
        clock.instant().toString()));
    clock.advance(Duration.ofSeconds(1));
    loop.agents().heard(agent("a1", List.of()), clock.instant());
    loop.tick();
    assertEquals(1, agents.launched.size(), "relaunched before the backoff");
    assertEquals(1, loop.delayed().size());
    clock.advance(Duration.ofSeconds(10));
    loop.agents().heard(agent("a1", List.of()), clock.instant());
    loop.tick();
    assertEquals(2, agents.launched.size());
  }
}
