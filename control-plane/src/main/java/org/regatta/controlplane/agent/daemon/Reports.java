package org.regatta.controlplane.agent.daemon;

import java.util.List;
import java.util.Optional;
import org.regatta.controlplane.agent.HealthState;
import org.regatta.controlplane.agent.TaskStatus;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/** The runtime's statuses and health verdicts as the wire's {@link TaskReport}. */
final class Reports {

  private Reports() {}

  static TaskReport of(TaskStatus status, List<Integer> ports, Boolean healthy) {
    return new TaskReport(status.taskId(), status.appId(), status.state().mesosName(),
        status.message(), ports, healthy, status.timestamp().toString());
  }

  /**
   * Marathon's view of a verdict: healthy only when every check passes; unhealthy as soon as one
   * fails; unknown (null) with no checks or before the first result.
   */
  static Boolean healthy(Optional<HealthState> verdict) {
    if (verdict.isEmpty()) {
      return null;
    }
    return switch (verdict.get()) {
      case HEALTHY -> Boolean.TRUE;
      case UNKNOWN -> null;
      case FAILING, UNHEALTHY -> Boolean.FALSE;
    };
  }
}
