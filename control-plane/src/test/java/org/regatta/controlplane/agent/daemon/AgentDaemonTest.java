package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.controlplane.agent.Await;
import org.regatta.controlplane.agent.AgentResources;
import org.regatta.controlplane.agent.AgentResources.PortRange;
import org.regatta.controlplane.agent.Cgroups;
import org.regatta.controlplane.agent.TaskRunner;
import org.regatta.controlplane.protocol.AgentProtocol;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.HealthCheck;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/** A real agent, real processes, and fake masters on 127.0.0.1. */
@Timeout(60)
class AgentDaemonTest {

  private static final AgentResources RESOURCES = new AgentResources(4, 2048, 10_000, List.of(),
      List.of(new PortRange(31000, 31010)), Map.of("rack", "r1"));

  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path work;

  private AgentDaemon.Builder agent(FakeMaster... masters) {
    List<URI> urls = Arrays.stream(masters).map(m -> URI.create(m.url())).toList();
    return AgentDaemon.Config.builder(urls, "127.0.0.1", work, RESOURCES)
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .runtime(new TaskRunner.Config(work, "127.0.0.1", Cgroups.disabled("test"), () -> false,
            TaskRunner.DEFAULT_INHERITED_ENV))
        .heartbeat(Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(2))
        .pushBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)))
        .closeFlush(Duration.ofSeconds(3));
  }

  private static Launch launch(String taskId, String cmd, List<Integer> ports,
      List<HealthCheck> checks) {
    return new Launch(taskId, "/web", cmd, List.of(), Map.of("GREETING", "hi"), List.of(), 0.1, 32,
        ports, List.of(), 0.5, checks);
  }

  private HttpResponse<String> call(String method, String url, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.method(method, HttpRequest.BodyPublishers.ofString(
            body instanceof String s ? s : Json.MAPPER.writeValueAsString(body)));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<TaskReport> listed(AgentInfo info, String taskId) {
    return info.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst();
  }

  private static boolean anyRegistrationLists(FakeMaster m, String taskId, String state) {
    return m.registrations().stream()
        .anyMatch(i -> listed(i, taskId).map(t -> t.state().equals(state)).orElse(false));
  }

  @Test
  void registersAtStartAndAgainEveryHeartbeat() throws Exception {
    try (FakeMaster master = FakeMaster.leader();
        AgentDaemon daemon = AgentDaemon.start(agent(master).build())) {
      Await.until("three registrations", () -> master.registrations().size() >= 3);
      AgentInfo info = master.registrations().get(0);
      assertEquals(daemon.agentId(), info.agentId());
      assertEquals(daemon.url(), info.url());
      assertEquals("http://127.0.0.1:" + daemon.port(), info.url());
      assertEquals("127.0.0.1", info.hostname());
      assertEquals(4, info.cpus());
      assertEquals(2048, info.memMb());
      assertEquals(10_000, info.diskMb());
      assertEquals(0, info.gpus());
      assertEquals(List.of(List.of(31000, 31010)), info.ports());
      assertEquals(Map.of("rack", "r1"), info.attributes());
      assertEquals(List.of(), info.tasks());
      assertEquals(Optional.of(URI.create(master.url())), daemon.leader());
      assertEquals(daemon.agentId(), Files.readString(work.resolve("agent-id")).strip());

      HttpResponse<String> pong = call("GET", daemon.url() + "/ping", null);
      assertEquals(200, pong.statusCode());
      assertEquals("pong", pong.body());
    }
  }

  @Test
  void followsARedirectToTheLeaderAndSkipsAMasterWithoutOne() throws Exception {
    try (FakeMaster leader = FakeMaster.leader();
        FakeMaster follower = FakeMaster.redirectingTo(leader);
        FakeMaster noLeader = FakeMaster.answering(503);
        AgentDaemon daemon = AgentDaemon.start(agent(noLeader, follower).build())) {
      Await.until("a registration at the leader", () -> !leader.registrations().isEmpty());
      assertEquals(1, noLeader.requests(AgentProtocol.AGENTS_PATH).size(), "tried first");
      assertEquals(1, follower.requests(AgentProtocol.AGENTS_PATH).size(), "redirected");
      assertEquals(Optional.of(URI.create(leader.url())), daemon.leader());

      Await.until("three more beats", () -> leader.registrations().size() >= 4);
      assertEquals(1, noLeader.requests().size(), "the known leader is asked first");
      assertEquals(1, follower.requests().size(), "the known leader is asked first");

      // the leader fails over to the follower: the agent finds it through the list again
      follower.redirectTo(null);
      leader.redirectTo(follower.url());
      int before = follower.registrations().size();
      Await.until("registrations at the new leader",
          () -> follower.registrations().size() > before + 2);
      assertEquals(Optional.of(URI.create(follower.url())), daemon.leader());
    }
  }

  @Test
  void aLaunchedTaskIsReportedListedAndKilled() throws Exception {
    try (FakeMaster master = FakeMaster.leader();
        AgentDaemon daemon = AgentDaemon.start(agent(master).build())) {
      Launch web = launch("web.1", "echo $GREETING; sleep 30", List.of(31001, 31002), List.of());
      HttpResponse<String> accepted = call("POST", daemon.url() + AgentProtocol.TASKS_PATH, web);
      assertEquals(202, accepted.statusCode(), accepted.body());
      assertEquals("web.1", Json.MAPPER.readValue(accepted.body(), TaskReport.class).taskId());

      Await.until("TASK_RUNNING pushed", () -> master.states("web.1").contains("TASK_RUNNING"));
      TaskReport running = master.reports("web.1").get(master.states("web.1")
          .indexOf("TASK_RUNNING"));
      assertEquals("/web", running.appId());
      assertEquals(List.of(31001, 31002), running.ports());
      assertNull(running.healthy(), "no health check");
      assertTrue(master.requests(AgentProtocol.STATUS_PATH).stream()
          .allMatch(r -> daemon.agentId().equals(r.agentHeader())), "X-Regatta-Agent on pushes");
      Await.until("the next heartbeat to list it running",
          () -> anyRegistrationLists(master, "web.1", "TASK_RUNNING"));
      Await.until("the task to write its output",
          () -> readQuietly(work.resolve("sandboxes/web.1/stdout")).equals("hi\n"));

      HttpResponse<String> again = call("POST", daemon.url() + AgentProtocol.TASKS_PATH, web);
      assertEquals(202, again.statusCode(), "launching a running id again is idempotent");
      assertEquals("TASK_RUNNING", Json.MAPPER.readValue(again.body(), TaskReport.class).state());
      List<TaskReport> listed = List.of(Json.MAPPER.readValue(
          call("GET", daemon.url() + AgentProtocol.TASKS_PATH, null).body(), TaskReport[].class));
      assertEquals(1, listed.size());
      assertEquals("TASK_RUNNING", listed.get(0).state());

      HttpResponse<String> killed = call("DELETE", daemon.url() + "/internal/tasks/web.1", null);
      assertEquals(202, killed.statusCode(), killed.body());
      Await.until("TASK_KILLED pushed", () -> master.states("web.1").contains("TASK_KILLED"));
      assertEquals(List.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_KILLED"),
          master.states("web.1"), "each change pushed once, in order");
      Await.until("a heartbeat to list it killed",
          () -> anyRegistrationLists(master, "web.1", "TASK_KILLED"));

      assertEquals(404, call("DELETE", daemon.url() + "/internal/tasks/nope", null).statusCode());
      assertEquals(404, call("GET", daemon.url() + "/internal/tasks/nope", null).statusCode());
    }
  }

  @Test
  void aHealthCheckedTaskReportsHealthy() throws Exception {
    int port = freePort();
    try (FakeMaster master = FakeMaster.leader();
        AgentDaemon daemon = AgentDaemon.start(agent(master).build())) {
      Launch web = launch("py.1", "exec python3 -m http.server $PORT0 --bind 127.0.0.1",
          List.of(port), List.of(new HealthCheck("HTTP", "/", 0, null, 20, 1, 1, 3)));
      assertEquals(202, call("POST", daemon.url() + AgentProtocol.TASKS_PATH, web).statusCode());

      Await.until("healthy=true pushed", () -> master.reports("py.1").stream()
          .anyMatch(r -> Boolean.TRUE.equals(r.healthy())));
      TaskReport healthy = master.reports("py.1").stream()
          .filter(r -> Boolean.TRUE.equals(r.healthy())).findFirst().orElseThrow();
      assertEquals("TASK_RUNNING", healthy.state());
      assertEquals(List.of(port), healthy.ports());
      Await.until("a heartbeat to list it healthy", () -> master.registrations().stream()
          .anyMatch(i -> listed(i, "py.1").map(t -> Boolean.TRUE.equals(t.healthy()))
              .orElse(false)));
    }
  }

  @Test
  void reportsQueuedWhileTheMasterIsDownArriveInOrderLater() throws Exception {
    try (FakeMaster master = FakeMaster.leader();
        AgentDaemon daemon = AgentDaemon.start(agent(master).build())) {
      Await.until("a registration", () -> !master.registrations().isEmpty());
      master.stop();
      call("POST", daemon.url() + AgentProtocol.TASKS_PATH,
          launch("ok.1", "true", List.of(), List.of()));
      call("POST", daemon.url() + AgentProtocol.TASKS_PATH,
          launch("bad.1", "exit 3", List.of(), List.of()));
      Await.until("eight reports queued", () -> daemon.pendingReports() == 8);
      Thread.sleep(300); // a few failed attempts with backoff
      assertEquals(8, daemon.pendingReports());

      int beats = master.registrations().size();
      master.restart();
      Await.until("the queued reports delivered", () -> master.reports().size() == 8);
      assertEquals(List.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_FINISHED"),
          master.states("ok.1"));
      assertEquals(List.of("TASK_STAGING", "TASK_STARTING", "TASK_RUNNING", "TASK_FAILED"),
          master.states("bad.1"));
      assertEquals("Command exited with status 3",
          master.reports("bad.1").get(3).message());
      Await.until("the outbox to empty", () -> daemon.pendingReports() == 0);
      Await.until("registrations again", () -> master.registrations().size() > beats);
    }
  }

  @Test
  void closeKillsTheTasksAndDeliversTheirEnd() throws Exception {
    try (FakeMaster master = FakeMaster.leader()) {
      long pid;
      try (AgentDaemon daemon = AgentDaemon.start(agent(master).build())) {
        call("POST", daemon.url() + AgentProtocol.TASKS_PATH,
            launch("sleepy.1", "sleep 30", List.of(), List.of()));
        Await.until("TASK_RUNNING", () -> master.states("sleepy.1").contains("TASK_RUNNING"));
        pid = pidOf("sleepy.1");
        assertTrue(Await.alive(pid));
      }
      assertFalse(Await.alive(pid), "close() kills the tasks");
      assertEquals("TASK_KILLED", master.states("sleepy.1").get(3), "and pushes their end");
    }
  }

  @Test
  void tasksLeftRunningOnCloseAreKilledByTheNextAgentOnTheWorkDir() throws Exception {
    try (FakeMaster master = FakeMaster.leader()) {
      String firstId;
      long pid;
      try (AgentDaemon first = AgentDaemon.start(agent(master).killTasksOnClose(false).build())) {
        firstId = first.agentId();
        call("POST", first.url() + AgentProtocol.TASKS_PATH,
            launch("keep.1", "sleep 30", List.of(), List.of()));
        Await.until("TASK_RUNNING", () -> master.states("keep.1").contains("TASK_RUNNING"));
        pid = pidOf("keep.1");
      }
      assertTrue(Await.alive(pid), "configured to leave its tasks running");
      try (AgentDaemon second = AgentDaemon.start(agent(master).build())) {
        assertEquals(firstId, second.agentId(), "the id is stable per work dir");
        assertEquals(List.of("keep.1"), second.orphansKilled());
        Await.until("the orphan to die", () -> !Await.alive(pid));
        Await.until("a registration of the second agent without it", () -> master.registrations()
            .stream().anyMatch(i -> i.url().equals(second.url()) && i.tasks().isEmpty()));
      }
    }
  }

  @Test
  void badRequestsAreRefusedWithAReason() throws Exception {
    try (FakeMaster master = FakeMaster.leader();
        AgentDaemon daemon = AgentDaemon.start(agent(master).build())) {
      String tasks = daemon.url() + AgentProtocol.TASKS_PATH;
      assertEquals(400, call("POST", tasks, "{not json").statusCode());
      HttpResponse<String> noCommand = call("POST", tasks,
          launch("empty.1", null, List.of(), List.of()));
      assertEquals(422, noCommand.statusCode());
      assertTrue(noCommand.body().contains("needs cmd, args or a docker image"), noCommand.body());
      HttpResponse<String> badCheck = call("POST", tasks, launch("chk.1", "true", List.of(),
          List.of(new HealthCheck("UDP", "/", 0, null, 0, 1, 1, 1))));
      assertEquals(422, badCheck.statusCode());
      assertTrue(badCheck.body().contains("health check 0"), badCheck.body());
      assertEquals(405, call("PUT", tasks, "{}").statusCode());
      assertEquals(404, call("GET", daemon.url() + "/nope", null).statusCode());

      Await.until("the refusals reported", () -> master.reports().size() == 2);
      TaskReport refused = master.reports("empty.1").get(0);
      assertEquals("TASK_FAILED", refused.state());
      assertTrue(refused.message().startsWith("launch refused: task empty.1: needs cmd"),
          refused.message());
      assertEquals(List.of("TASK_FAILED"), master.states("chk.1"));
      assertEquals(202, call("POST", tasks, launch("empty.1", "true", List.of(), List.of()))
          .statusCode(), "a known id is answered with its report");
      assertEquals(List.of("empty.1", "chk.1"),
          daemon.reports().stream().map(TaskReport::taskId).toList());
      assertEquals(2, master.reports().size(), "and not run");
    }
  }

  private long pidOf(String taskId) throws IOException {
    Path file = work.resolve("meta").resolve(taskId + ".pid");
    Await.until(file + " to hold a pid", () -> readQuietly(file).endsWith("\n"));
    return Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
  }

  private static String readQuietly(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
