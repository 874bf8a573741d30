package org.regatta.controlplane.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelTest {

  @Test
  void parsesMarathonsConstraintForm() {
    assertEquals(Constraint.of("hostname", Constraint.Operator.UNIQUE),
        Constraint.parse(List.of("hostname", "UNIQUE")));
    Constraint maxPer = Constraint.parse(List.of("rack", "MAX_PER", "2"));
    assertEquals(2, maxPer.count());
    assertEquals("rack:MAX_PER:2", maxPer.toString());
    assertEquals(List.of("rack", "MAX_PER", "2"), maxPer.toMarathonForm());
    assertEquals(List.of("hostname", "UNIQUE"),
        Constraint.parse(List.of("hostname", "UNIQUE", "")).toMarathonForm());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "hostname,BOGUS|unknown constraint operator BOGUS",
      "rack,MAX_PER,two|constraint rack:MAX_PER: needs a whole number >= 1 as its value, got 'two'",
      "rack,MAX_PER,0|constraint rack:MAX_PER: needs a whole number >= 1",
      "rack,LIKE|constraint rack:LIKE: needs a regular expression as its value",
      "rack,LIKE,r[1|constraint rack:LIKE: 'r[1' is not a regular expression",
      "rack,GROUP_BY,x|constraint rack:GROUP_BY: takes a number of groups as its value",
      "hostname|a constraint is [field, operator] or [field, operator, value]",
      " ,UNIQUE|a constraint needs a field"})
  void explainsInvalidConstraints(String form, String expected) {
    List<String> parts = Arrays.asList(form.split(",", -1));
    Optional<String> problem = Constraint.check(parts);
    assertTrue(problem.orElse("").startsWith(expected), problem.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Constraint.parse(parts));
    assertEquals(problem.get(), e.getMessage());
  }

  @Test
  void taskPortsAreZeroForAnyOrAnExactPortAskedOnce() {
    TaskRequest t = Fixtures.service("t1", "/web", 1, 1).withHostPorts(0, 8080, 0);
    assertEquals(List.of(8080), t.requiredPorts());
    assertEquals(2, t.dynamicPortCount());
    assertThrows(IllegalArgumentException.class,
        () -> Fixtures.service("t1", "/web", 1, 1).withHostPorts(8080, 8080));
    assertThrows(IllegalArgumentException.class,
        () -> Fixtures.service("t1", "/web", 1, 1).withHostPorts(70_000));
    assertThrows(IllegalArgumentException.class, () -> TaskRequest.of("t1", "/web",
        Framework.SERVICES, Resources.of(1, 1, 1).withPorts(PortRange.of(1, 2))));
  }

  @Test
  void resourcesAndRangesRejectNonsense() {
    assertThrows(IllegalArgumentException.class, () -> Resources.of(-1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> Resources.of(Double.NaN, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> PortRange.of(10, 5));
    assertThrows(IllegalArgumentException.class,
        () -> Resources.NONE.withPorts(PortRange.of(1, 10), PortRange.of(10, 20)));
    assertEquals(21, Resources.NONE.withPorts(PortRange.of(1, 10), PortRange.of(20, 30))
        .portCount());
  }

  @Test
  void viewsRejectDuplicates() {
    Agent a = Fixtures.agent("a1", 1, 1);
    assertThrows(IllegalArgumentException.class, () -> ClusterView.of(List.of(a, a)));
    RunningTask t = Fixtures.running("t1", "/web", "a1");
    assertThrows(IllegalArgumentException.class,
        () -> new ClusterView(List.of(a), List.of(t, t)));
  }

  @Test
  void agentsKeepPortsInUseApartFromUsedResources() {
    Agent a = Fixtures.agent("a1", 1, 1).withPortsInUse(Set.of(31000));
    assertEquals(Set.of(31000), a.portsInUse());
    assertThrows(IllegalArgumentException.class,
        () -> a.withUsed(Resources.NONE.withPorts(PortRange.of(31000, 31000))));
    assertEquals(Optional.of("a1.test"), a.fieldValue("hostname"));
    assertEquals(Optional.empty(), a.fieldValue("rack"));
  }
}
