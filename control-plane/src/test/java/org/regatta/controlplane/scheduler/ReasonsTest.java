package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.regatta.controlplane.scheduler.Fixtures.agent;
import static org.regatta.controlplane.scheduler.Fixtures.instances;
import static org.regatta.controlplane.scheduler.Fixtures.running;
import static org.regatta.controlplane.scheduler.Fixtures.schedule;
import static org.regatta.controlplane.scheduler.Fixtures.service;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  private static final Constraint UNIQUE_HOST = Constraint.of("hostname",
      Constraint.Operator.UNIQUE);

  @Test
  void countsEachCauseOverTheAgentsMostFrequentFirst() {
    List<Agent> agents = List.of(agent("s1", 8, 256), agent("s2", 8, 256), agent("s3", 8, 256),
        agent("b1", 8, 8192), agent("b2", 8, 8192));
    ClusterView view = new ClusterView(agents,
        List.of(running("w0", "/web", "b1"), running("w1", "/web", "b2")));
    SchedulingResult r = schedule(view,
        List.of(service("w2", "/web", 1, 1024).withConstraints(UNIQUE_HOST)));
    Unplaced u = r.unplaced().get(0);
    assertEquals("insufficient mem on 3 agents, constraint hostname:UNIQUE on 2 agents",
        u.reason());
    assertEquals(List.of(new Rejection("insufficient mem", 3),
        new Rejection("constraint hostname:UNIQUE", 2)), u.rejections());
  }

  @Test
  void anAgentThatFailsTwoChecksCountsUnderBoth() {
    SchedulingResult r = schedule(List.of(agent("a1", 1, 256)),
        List.of(service("t1", "/web", 2, 1024)));
    assertEquals("insufficient cpus on 1 agent, insufficient mem on 1 agent",
        r.unplaced().get(0).reason());
  }

  @Test
  void anEmptyClusterSaysSo() {
    SchedulingResult r = schedule(List.of(), List.of(service("t1", "/web", 1, 1)));
    assertEquals("no agents in the cluster", r.unplaced().get(0).reason());
  }

  @Test
  void unreachableAgentsAreCounted() {
    List<Agent> agents = List.of(agent("a1", 8, 8192).withState(AgentState.UNREACHABLE),
        agent("a2", 8, 8192).withState(AgentState.UNREACHABLE));
    SchedulingResult r = schedule(agents, List.of(service("t1", "/web", 1, 1)));
    assertEquals("agent unreachable on 2 agents", r.unplaced().get(0).reason());
  }

  @Test
  void theLeftoversOfAnAppShareOneReason() {
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      agents.add(agent(String.format("a%03d", i), 8, 8192));
    }
    SchedulingResult r = schedule(agents,
        instances(service("t", "/web", 0.1, 32).withConstraints(UNIQUE_HOST), 500));
    assertEquals(200, r.placements().size());
    assertEquals(300, r.unplaced().size());
    r.unplaced().forEach(u ->
        assertEquals("constraint hostname:UNIQUE on 200 agents", u.reason()));
  }

  @Test
  void delayedTasksSayUntilWhen() {
    TaskRequest t = service("t1", "/web", 1, 1)
        .withNotBefore(Fixtures.NOW.plusSeconds(30));
    SchedulingResult r = schedule(List.of(agent("a1", 8, 8192)), List.of(t));
    assertEquals("launch delayed until 2024-05-01T12:00:30Z (backoff)",
        r.delayed().get(0).reason());
  }
}
