package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.HealthCheck;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/** The wire shapes the masters rely on: field names, nulls, absent collections. */
class AgentProtocolTest {

  private static final TaskReport REPORT = new TaskReport("web.1", "/web", "TASK_RUNNING",
      "pid 7", List.of(31000), null, "2024-05-01T12:00:00Z");

  @Test
  void anAgentInfoIsSentWithItsComponentNames() throws Exception {
    AgentInfo info = new AgentInfo("a-1", "10.0.0.7", "http://10.0.0.7:5051", 4, 2048, 10_000, 1,
        List.of(List.of(31000, 32000)), Map.of("rack", "r1"), List.of(REPORT));
    JsonNode json = Json.MAPPER.readTree(Json.bytes(info));
    assertEquals(Json.MAPPER.readTree("""
        {"agentId":"a-1","hostname":"10.0.0.7","url":"http://10.0.0.7:5051","cpus":4.0,
         "memMb":2048.0,"diskMb":10000.0,"gpus":1,"ports":[[31000,32000]],
         "attributes":{"rack":"r1"},
         "tasks":[{"taskId":"web.1","appId":"/web","state":"TASK_RUNNING","message":"pid 7",
                   "ports":[31000],"healthy":null,"timestamp":"2024-05-01T12:00:00Z"}]}
        """), json);
    assertEquals(info, Json.MAPPER.readValue(Json.bytes(info), AgentInfo.class));
  }

  @Test
  void aLaunchReadsWithAbsentFieldsAsEmpty() throws Exception {
    Launch l = Json.MAPPER.readValue("""
        {"taskId":"web.1","appId":"/web","cmd":"./run","cpus":0.5,"memMb":64,
         "ports":[31000],"killGraceSeconds":2,"someFutureField":true,
         "healthChecks":[{"protocol":"HTTP","path":"/","portIndex":0,"gracePeriodSeconds":300,
           "intervalSeconds":60,"timeoutSeconds":20,"maxConsecutiveFailures":3}]}
        """, Launch.class);
    assertEquals(new Launch("web.1", "/web", "./run", List.of(), Map.of(), List.of(), 0.5, 64,
        List.of(31000), List.of(), 2, List.of(
            new HealthCheck("HTTP", "/", 0, null, 300, 60, 20, 3))), l);
    assertEquals(l, Json.MAPPER.readValue(Json.bytes(l), Launch.class));
  }

  @Test
  void aReportRoundTrips() throws Exception {
    TaskReport healthy = new TaskReport("web.1", "/web", "TASK_RUNNING", "pid 7", null, true,
        "2024-05-01T12:00:00Z");
    assertEquals(healthy, Json.MAPPER.readValue(Json.bytes(healthy), TaskReport.class));
    assertEquals(List.of(), healthy.ports());
  }
}
