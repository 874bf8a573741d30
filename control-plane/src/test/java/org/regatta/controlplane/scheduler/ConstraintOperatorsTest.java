package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regatta.controlplane.scheduler.Constraint.Operator.CLUSTER;
import static org.regatta.controlplane.scheduler.Constraint.Operator.GROUP_BY;
import static org.regatta.controlplane.scheduler.Constraint.Operator.LIKE;
import static org.regatta.controlplane.scheduler.Constraint.Operator.MAX_PER;
import static org.regatta.controlplane.scheduler.Constraint.Operator.UNIQUE;
import static org.regatta.controlplane.scheduler.Constraint.Operator.UNLIKE;
import static org.regatta.controlplane.scheduler.Fixtures.agent;
import static org.regatta.controlplane.scheduler.Fixtures.agentsOf;
import static org.regatta.controlplane.scheduler.Fixtures.instances;
import static org.regatta.controlplane.scheduler.Fixtures.running;
import static org.regatta.controlplane.scheduler.Fixtures.schedule;
import static org.regatta.controlplane.scheduler.Fixtures.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConstraintOperatorsTest {

  /** Four agents in rack r1, one in r2, one in r3, one without a rack. */
  private static final List<Agent> RACKS = List.of(
      agent("a1", 16, 16384, "rack=r1"), agent("a2", 16, 16384, "rack=r1"),
      agent("a3", 16, 16384, "rack=r1"), agent("a4", 16, 16384, "rack=r1"),
      agent("b1", 16, 16384, "rack=r2"), agent("c1", 16, 16384, "rack=r3"),
      agent("x1", 16, 16384));

  private static List<TaskRequest> app(String appId, int n, Constraint... constraints) {
    return instances(service("t", appId, 1, 128).withConstraints(constraints), n);
  }

  private static Map<String, Integer> perRack(SchedulingResult r) {
    Map<String, String> rackOf = new TreeMap<>();
    RACKS.forEach(a -> rackOf.put(a.id(), a.attributes().getOrDefault("rack", "-")));
    Map<String, Integer> counts = new TreeMap<>();
    r.placements().forEach(p -> counts.merge(rackOf.get(p.agentId()), 1, Integer::sum));
    return counts;
  }

  @Test
  void uniqueHostnamePutsEachTaskOnItsOwnAgent() {
    List<Agent> agents = List.of(agent("a1", 8, 8192), agent("a2", 8, 8192),
        agent("a3", 8, 8192));
    SchedulingResult r = schedule(agents, app("/web", 4, Constraint.of("hostname", UNIQUE)));
    assertEquals(List.of("a1", "a2", "a3"), agentsOf(r));
    assertEquals("constraint hostname:UNIQUE on 3 agents", r.unplaced().get(0).reason());
  }

  @Test
  void uniqueCountsRunningTasksOfTheSameAppOnly() {
    List<Agent> agents = List.of(agent("a1", 8, 8192), agent("a2", 8, 8192));
    ClusterView view = new ClusterView(agents,
        List.of(running("old", "/web", "a1"), running("other", "/db", "a2")));
    SchedulingResult r = schedule(view, app("/web", 2, Constraint.of("hostname", UNIQUE)));
    assertEquals(List.of("a2"), agentsOf(r));
  }

  @Test
  void uniqueOnAnAttributeAllowsOneTaskPerValue() {
    SchedulingResult r = schedule(RACKS, app("/web", 5, Constraint.of("rack", UNIQUE)));
    assertEquals(Map.of("r1", 1, "r2", 1, "r3", 1), perRack(r));
    assertEquals("constraint rack:UNIQUE on 7 agents", r.unplaced().get(0).reason());
  }

  @Test
  void clusterWithAValuePinsTheApp() {
    SchedulingResult r = schedule(RACKS, app("/web", 3, Constraint.of("rack", CLUSTER, "r2")));
    assertEquals(List.of("b1", "b1", "b1"), agentsOf(r));
  }

  @Test
  void clusterWithoutAValueFollowsTheFirstTask() {
    SchedulingResult r = schedule(RACKS, app("/web", 4, Constraint.of("rack", CLUSTER)));
    assertEquals(Map.of("r1", 4), perRack(r));
    ClusterView pinned = new ClusterView(RACKS, List.of(running("old", "/web", "c1")));
    SchedulingResult follow = schedule(pinned, app("/web", 2, Constraint.of("rack", CLUSTER)));
    assertEquals(List.of("c1", "c1"), agentsOf(follow));
  }

  @Test
  void clusterOnHostnameKeepsTheAppOnOneAgent() {
    SchedulingResult r = schedule(RACKS, app("/web", 3, Constraint.of("hostname", CLUSTER)));
    assertEquals(List.of("a1", "a1", "a1"), agentsOf(r));
  }

  @Test
  void groupByBalancesAcrossValuesWhereSpreadAloneWouldNot() {
    SchedulingResult spread = schedule(RACKS, app("/web", 6));
    assertEquals(4, perRack(spread).get("r1"));
    SchedulingResult grouped = schedule(RACKS, app("/web", 6, Constraint.of("rack", GROUP_BY)));
    assertEquals(Map.of("r1", 2, "r2", 2, "r3", 2), perRack(grouped));
  }

  @Test
  void groupByFillsTheSmallestGroupFirstGivenRunningTasks() {
    List<RunningTask> old = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      old.add(running("old" + i, "/web", "a" + (i + 1)));
    }
    ClusterView view = new ClusterView(RACKS, old);
    SchedulingResult r = schedule(view, app("/web", 4, Constraint.of("rack", GROUP_BY)));
    // r1 holds 3 already: r2 and r3 catch up first, then they alternate.
    assertEquals(Map.of("r2", 2, "r3", 2), perRack(r));
  }

  @Test
  void groupByWithAMinimumWaitsForThatManyGroups() {
    List<Agent> twoRacks = List.of(agent("a1", 8, 8192, "rack=r1"),
        agent("b1", 8, 8192, "rack=r2"));
    SchedulingResult r = schedule(twoRacks, app("/web", 3, Constraint.of("rack", GROUP_BY, "3")));
    assertEquals(List.of("a1", "b1"), agentsOf(r));
    assertEquals("constraint rack:GROUP_BY:3 on 2 agents", r.unplaced().get(0).reason());
  }

  @Test
  void likeMatchesTheWholeValue() {
    SchedulingResult r = schedule(RACKS, app("/web", 4, Constraint.of("rack", LIKE, "r[23]")));
    assertEquals(Map.of("r2", 2, "r3", 2), perRack(r));
    SchedulingResult host = schedule(RACKS, app("/web", 1, Constraint.of("hostname", LIKE, "c1")));
    assertEquals("constraint hostname:LIKE:c1 on 7 agents", host.unplaced().get(0).reason());
    SchedulingResult full = schedule(RACKS,
        app("/web", 1, Constraint.of("hostname", LIKE, "c1\\..*")));
    assertEquals(List.of("c1"), agentsOf(full));
  }

  @Test
  void likeRejectsAgentsWithoutTheAttribute() {
    SchedulingResult r = schedule(RACKS, app("/web", 1, Constraint.of("rack", LIKE, ".*")));
    assertTrue(!agentsOf(r).contains("x1"));
    SchedulingResult none = schedule(List.of(agent("x1", 8, 8192)),
        app("/web", 1, Constraint.of("rack", LIKE, ".*")));
    assertEquals("constraint rack:LIKE:.* on 1 agent", none.unplaced().get(0).reason());
  }

  @Test
  void unlikeExcludesMatchesAndAcceptsAgentsWithoutTheAttribute() {
    SchedulingResult r = schedule(RACKS, app("/web", 3, Constraint.of("rack", UNLIKE, "r1")));
    assertEquals(Map.of("-", 1, "r2", 1, "r3", 1), perRack(r));
  }

  @Test
  void maxPerCapsTasksPerValue() {
    SchedulingResult r = schedule(RACKS, app("/web", 8, Constraint.of("rack", MAX_PER, "2")));
    assertEquals(Map.of("r1", 2, "r2", 2, "r3", 2), perRack(r));
    assertEquals(2, r.unplaced().size());
    SchedulingResult host = schedule(List.of(agent("a1", 8, 8192)),
        app("/web", 3, Constraint.of("hostname", MAX_PER, "2")));
    assertEquals(2, host.placements().size());
  }

  @Test
  void constraintsCombine() {
    SchedulingResult r = schedule(RACKS, app("/web", 5, Constraint.of("hostname", UNIQUE),
        Constraint.of("rack", LIKE, "r1")));
    assertEquals(List.of("a1", "a2", "a3", "a4"), agentsOf(r));
    assertEquals("constraint hostname:UNIQUE on 4 agents, constraint rack:LIKE:r1 on 3 agents",
        r.unplaced().get(0).reason());
  }

  @Test
  void atHostnameIsTheHostnameToo() {
    SchedulingResult r = schedule(RACKS, app("/web", 8, Constraint.of("@hostname", UNIQUE)));
    assertEquals(7, r.placements().size());
  }

  @Test
  void aFailedShapeIsRetriedOnceTheAppHasGrownInTheRound() {
    List<Agent> agents = List.of(agent("a1", 8, 8192, "rack=r1"), agent("b1", 8, 512, "rack=r2"));
    ClusterView view = new ClusterView(agents, List.of(running("old", "/web", "a1")));
    Constraint groupBy = Constraint.of("rack", GROUP_BY);
    TaskRequest big = service("t", "/web", 1, 4096).withConstraints(groupBy);
    SchedulingResult r = schedule(view, List.of(
        new TaskRequest("big1", "/web", Framework.SERVICES, big.resources(), List.of(),
            big.constraints(), big.notBefore()),
        service("small", "/web", 1, 128).withConstraints(groupBy),
        new TaskRequest("big2", "/web", Framework.SERVICES, big.resources(), List.of(),
            big.constraints(), big.notBefore())));
    // big1 waits for r2 to hold a task too; once small is there, big2 may join r1.
    assertEquals("constraint rack:GROUP_BY on 1 agent, insufficient mem on 1 agent",
        r.unplacedOf("big1").orElseThrow().reason());
    assertEquals("b1", r.placementOf("small").orElseThrow().agentId());
    assertEquals("a1", r.placementOf("big2").orElseThrow().agentId());
  }
}
