package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regatta.controlplane.scheduler.Fixtures.agent;
import static org.regatta.controlplane.scheduler.Fixtures.agentsOf;
import static org.regatta.controlplane.scheduler.Fixtures.instances;
import static org.regatta.controlplane.scheduler.Fixtures.perAgent;
import static org.regatta.controlplane.scheduler.Fixtures.schedule;
import static org.regatta.controlplane.scheduler.Fixtures.service;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceFitTest {

  @Test
  void spreadsOverAgentsLeastLoadedFirstWithIdsBreakingTies() {
    List<Agent> agents = List.of(agent("a3", 4, 4096), agent("a1", 4, 4096),
        agent("a2", 4, 4096).withUsed(Resources.of(0.5, 0, 0)));
    SchedulingResult r = schedule(agents, instances(service("t", "/web", 1, 512), 4));
    // a2 starts at 12.5 % cpu; a1 and a3 are idle and a1 sorts first; a task is 25 % cpu.
    assertEquals(List.of("a1", "a3", "a2", "a1"), agentsOf(r));
  }

  @Test
  void neverOverCommitsWithinOneRound() {
    SchedulingResult r = schedule(List.of(agent("a1", 2, 4096)),
        instances(service("t", "/web", 1, 512), 3));
    assertEquals(2, r.placements().size());
    assertEquals("insufficient cpus on 1 agent", r.unplaced().get(0).reason());
  }

  @Test
  void countsWhatTheAgentReportsAsUsed() {
    Agent busy = agent("a1", 4, 4096).withUsed(Resources.of(3.5, 4050, 0));
    SchedulingResult r = schedule(List.of(busy), List.of(service("t1", "/web", 0.5, 64),
        service("t2", "/web", 0.5, 64)));
    assertEquals(0, r.placements().size());
    assertEquals("insufficient mem on 1 agent", r.unplaced().get(0).reason());
  }

  @Test
  void fractionalCpusAddUpExactly() {
    SchedulingResult r = schedule(List.of(agent("a1", 1, 4096)),
        instances(service("t", "/web", 0.1, 1), 11));
    assertEquals(10, r.placements().size());
    assertEquals(1, r.unplaced().size());
  }

  @Test
  void diskAndGpusAreResourcesToo() {
    Agent gpu = Agent.of("g1", "g1.test", Resources.of(8, 8192, 500).withGpus(1));
    Agent plain = Agent.of("p1", "p1.test", Resources.of(8, 8192, 50_000));
    TaskRequest needsGpu = TaskRequest.of("t1", "/ml", Framework.JOBS,
        Resources.of(1, 512, 100).withGpus(1));
    TaskRequest needsDisk = TaskRequest.of("t2", "/db", Framework.SERVICES,
        Resources.of(1, 512, 1000));
    SchedulingResult r = schedule(List.of(gpu, plain), List.of(needsGpu, needsDisk));
    assertEquals("g1", r.placementOf("t1").orElseThrow().agentId());
    assertEquals("p1", r.placementOf("t2").orElseThrow().agentId());
  }

  @Test
  void onlyActiveAgentsReceiveTasks() {
    List<Agent> agents = List.of(agent("a1", 4, 4096).withState(AgentState.DRAINING),
        agent("a2", 4, 4096).withState(AgentState.UNREACHABLE), agent("a3", 1, 4096));
    SchedulingResult r = schedule(agents, instances(service("t", "/web", 1, 64), 2));
    assertEquals(List.of("a3"), agentsOf(r));
    assertEquals("agent draining on 1 agent, agent unreachable on 1 agent,"
        + " insufficient cpus on 1 agent", r.unplaced().get(0).reason());
  }

  @Test
  void sameInputGivesTheSameResult() {
    List<Agent> agents = List.of(agent("a1", 4, 4096), agent("a2", 2, 8192),
        agent("a3", 8, 1024));
    List<TaskRequest> pending = instances(service("t", "/web", 0.5, 700).withDynamicPorts(2), 20);
    assertEquals(schedule(agents, pending), schedule(agents, pending));
  }

  @Test
  void spreadsAnAppEvenlyOverIdenticalAgents() {
    List<Agent> agents = List.of(agent("a1", 8, 8192), agent("a2", 8, 8192),
        agent("a3", 8, 8192));
    SchedulingResult r = schedule(agents, instances(service("t", "/web", 1, 256), 9));
    assertEquals(Map.of("a1", 3L, "a2", 3L, "a3", 3L), perAgent(r));
  }

  @Test
  void aTaskIdPendingTwiceOrAlreadyRunningIsACallerBug() {
    List<Agent> agents = List.of(agent("a1", 4, 4096));
    TaskRequest t = service("t1", "/web", 1, 64);
    assertThrows(IllegalArgumentException.class, () -> schedule(agents, List.of(t, t)));
    ClusterView view = new ClusterView(agents, List.of(Fixtures.running("t1", "/web", "a1")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> schedule(view, List.of(t)));
    assertTrue(e.getMessage().contains("t1"), e.getMessage());
  }
}
