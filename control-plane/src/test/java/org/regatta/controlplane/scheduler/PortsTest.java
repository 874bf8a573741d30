package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.regatta.controlplane.scheduler.Fixtures.agentsOf;
import static org.regatta.controlplane.scheduler.Fixtures.instances;
import static org.regatta.controlplane.scheduler.Fixtures.schedule;
import static org.regatta.controlplane.scheduler.Fixtures.service;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

  private static Agent withPorts(String id, PortRange... ranges) {
    return Agent.of(id, id + ".test", Resources.of(64, 65536, 0).withPorts(ranges));
  }

  private static List<Integer> portsOf(SchedulingResult r, String taskId) {
    return r.placementOf(taskId).orElseThrow().hostPorts();
  }

  @Test
  void dynamicPortsAreTheLowestFreeOnesOfTheAgentsRanges() {
    Agent a = withPorts("a1", PortRange.of(31000, 31002), PortRange.of(32000, 32010))
        .withPortsInUse(Set.of(31000));
    ClusterView view = new ClusterView(List.of(a), List.of(new RunningTask("old", "/x",
        Framework.SERVICES, "a1", Resources.NONE, List.of(31001))));
    List<TaskRequest> pending = instances(service("t", "/web", 0.1, 1).withDynamicPorts(2), 2);
    SchedulingResult r = schedule(view, pending);
    assertEquals(List.of(31002, 32000), portsOf(r, "/web.0"));
    assertEquals(List.of(32001, 32002), portsOf(r, "/web.1"));
  }

  @Test
  void requiredPortsAreGivenAsAskedInTheTasksOrder() {
    Agent a = withPorts("a1", PortRange.of(31000, 31001));
    TaskRequest t = service("t1", "/web", 0.1, 1).withHostPorts(0, 31000);
    // The fixed port is reserved before the dynamic one is chosen.
    assertEquals(List.of(31001, 31000), portsOf(schedule(List.of(a), List.of(t)), "t1"));
  }

  @Test
  void tasksRequiringTheSamePortGoToDifferentAgents() {
    List<Agent> agents = List.of(withPorts("a1", PortRange.of(31000, 31099)),
        withPorts("a2", PortRange.of(31000, 31099)));
    List<TaskRequest> pending = instances(service("t", "/web", 0.1, 1).withHostPorts(31005), 3);
    SchedulingResult r = schedule(agents, pending);
    assertEquals(List.of("a1", "a2"), agentsOf(r));
    assertEquals("port 31005 in use on 2 agents", r.unplaced().get(0).reason());
  }

  @Test
  void aRequiredPortTakenBeforeTheRoundConflicts() {
    Agent a = withPorts("a1", PortRange.of(31000, 31099)).withPortsInUse(Set.of(31050));
    SchedulingResult r = schedule(List.of(a),
        List.of(service("t1", "/web", 0.1, 1).withHostPorts(31050)));
    assertEquals("port 31050 in use on 1 agent", r.unplaced().get(0).reason());
  }

  @Test
  void aRequiredPortOutsideTheRangesIsNotOffered() {
    SchedulingResult r = schedule(List.of(withPorts("a1", PortRange.of(31000, 31099))),
        List.of(service("t1", "/web", 0.1, 1).withHostPorts(80)));
    assertEquals("port 80 outside the agent's port ranges on 1 agent",
        r.unplaced().get(0).reason());
  }

  @Test
  void tooFewFreePortsIsAReason() {
    Agent a = withPorts("a1", PortRange.of(31000, 31002)).withPortsInUse(Set.of(31001));
    SchedulingResult r = schedule(List.of(a),
        List.of(service("t1", "/web", 0.1, 1).withDynamicPorts(3)));
    assertEquals("insufficient ports on 1 agent", r.unplaced().get(0).reason());
  }

  @Test
  void anAgentWithoutPortRangesTakesTasksWithoutPorts() {
    Agent a = Agent.of("a1", "a1.test", Resources.of(4, 4096, 0));
    SchedulingResult r = schedule(List.of(a), List.of(service("t1", "/w", 1, 1),
        service("t2", "/x", 1, 1).withDynamicPorts(1)));
    assertEquals(List.of(), portsOf(r, "t1"));
    assertEquals("insufficient ports on 1 agent", r.unplaced().get(0).reason());
  }

  @Test
  void portsFillUpAcrossARound() {
    Agent a = withPorts("a1", PortRange.of(31000, 31004));
    SchedulingResult r = schedule(List.of(a),
        instances(service("t", "/web", 0.1, 1).withDynamicPorts(2), 3));
    assertEquals(List.of(31000, 31001), portsOf(r, "/web.0"));
    assertEquals(List.of(31002, 31003), portsOf(r, "/web.1"));
    assertEquals("insufficient ports on 1 agent", r.unplacedOf("/web.2").orElseThrow().reason());
  }

  @Test
  void aRequiredPortLeavesOneFewerForDynamicAsks() {
    Agent a = withPorts("a1", PortRange.of(31000, 31001));
    SchedulingResult r = schedule(List.of(a), List.of(
        service("t1", "/fixed", 0.1, 1).withHostPorts(31000),
        service("t2", "/dynamic", 0.1, 1).withDynamicPorts(2),
        service("t3", "/one", 0.1, 1).withDynamicPorts(1)));
    assertEquals("insufficient ports on 1 agent", r.unplacedOf("t2").orElseThrow().reason());
    assertEquals(List.of(31001), portsOf(r, "t3"));
  }
}
