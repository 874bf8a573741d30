package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskStateTest {

  private static final Set<String> LEGAL = Set.of(
      "STAGING>STARTING", "STAGING>FAILED", "STAGING>KILLED", "STAGING>LOST",
      "STARTING>RUNNING", "STARTING>FAILED", "STARTING>KILLED", "STARTING>LOST",
      "RUNNING>FINISHED", "RUNNING>FAILED", "RUNNING>KILLED", "RUNNING>LOST");

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (TaskState from : TaskState.values()) {
      for (TaskState to : TaskState.values()) {
        pairs.add(Arguments.of(from, to));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void everyMoveHasTheTablesAnswer(TaskState from, TaskState to) {
    StateChangeResult expected = from == to ? StateChangeResult.NOOP
        : LEGAL.contains(from + ">" + to) ? StateChangeResult.SUCCESS
        : StateChangeResult.ILLEGAL;
    assertEquals(expected, from.check(to));
    assertEquals(expected == StateChangeResult.SUCCESS, from.canMoveTo(to));
  }

  @Test
  void illegalMovesAreValuesNotExceptions() {
    assertEquals(StateChangeResult.ILLEGAL, TaskState.FINISHED.check(TaskState.RUNNING));
    assertEquals(StateChangeResult.ILLEGAL, TaskState.KILLED.check(TaskState.FAILED));
    assertEquals(StateChangeResult.ILLEGAL, TaskState.RUNNING.check(TaskState.STAGING));
    assertEquals(StateChangeResult.ILLEGAL, TaskState.STAGING.check(TaskState.RUNNING));
    assertEquals(StateChangeResult.ILLEGAL, TaskState.STAGING.check(TaskState.FINISHED));
  }

  @Test
  void terminalStatesAreFinal() {
    assertEquals(EnumSet.of(TaskState.FINISHED, TaskState.FAILED, TaskState.KILLED, TaskState.LOST),
        EnumSet.copyOf(Stream.of(TaskState.values()).filter(TaskState::isTerminal).toList()));
    for (TaskState s : TaskState.values()) {
      assertEquals(s.isTerminal(), s.successors().isEmpty(), s.name());
    }
  }

  @Test
  void mesosNamesRoundTrip() {
    for (TaskState s : TaskState.values()) {
      assertEquals("TASK_" + s.name(), s.mesosName());
      assertEquals(s, TaskState.parse(s.mesosName()));
      assertEquals(s, TaskState.parse(s.name()));
    }
  }

  /** Random walks never leave a terminal state and only ever move forward. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
  void randomWalksOnlyMoveForward(long seed) {
    Random random = new Random(seed);
    TaskState[] all = TaskState.values();
    TaskState state = TaskState.STAGING;
    List<TaskState> visited = new ArrayList<>(List.of(state));
    for (int step = 0; step < 40; step++) {
      TaskState next = all[random.nextInt(all.length)];
      StateChangeResult result = state.check(next);
      if (result == StateChangeResult.SUCCESS) {
        assertFalse(state.isTerminal(), "moved out of terminal " + state);
        assertTrue(next.ordinal() > state.ordinal(), state + " -> " + next);
        state = next;
        visited.add(state);
      } else if (result == StateChangeResult.NOOP) {
        assertEquals(state, next);
      }
    }
    for (int i = 1; i < visited.size(); i++) {
      assertTrue(visited.get(i - 1).canMoveTo(visited.get(i)), "path " + visited);
    }
    assertTrue(visited.stream().filter(TaskState::isTerminal).count() <= 1, "path " + visited);
  }
}
