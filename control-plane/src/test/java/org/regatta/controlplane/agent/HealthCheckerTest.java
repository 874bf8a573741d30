package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HealthCheckerTest {

  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @TempDir Path sandbox;
  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<HealthResult> results = new ArrayList<>();
  private final HealthChecker checker =
      new HealthChecker(scheduler, clock, r -> {
        synchronized (results) {
          results.add(r);
        }
      });
  private final AtomicInteger toggleStatus = new AtomicInteger(200);
  private HttpServer http;

  @BeforeEach
  void startServer() throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/health", ex -> reply(ex, 200));
    http.createContext("/moved", ex -> {
      ex.getResponseHeaders().add("Location", "/health");
      reply(ex, 302);
    });
    http.createContext("/broken", ex -> reply(ex, 500));
    http.createContext("/toggle", ex -> reply(ex, toggleStatus.get()));
    http.start();
  }

  @AfterEach
  void stopServer() {
    http.stop(0);
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, int status) throws IOException {
    byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
    try (ex; OutputStream out = ex.getResponseBody()) {
      ex.sendResponseHeaders(status, body.length);
      out.write(body);
    }
  }

  private int httpPort() {
    return http.getAddress().getPort();
  }

  private HealthTarget target(int... ports) {
    List<Integer> list = new ArrayList<>();
    for (int p : ports) {
      list.add(p);
    }
    return new HealthTarget("task.1", "127.0.0.1", list, Map.of("PORT0", "31000"), sandbox, false);
  }

  private List<HealthResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  private HealthResult last() {
    List<HealthResult> all = results();
    return all.get(all.size() - 1);
  }

  private static HealthCheckSpec timed(HealthCheckSpec spec, int graceS, int intervalS, int max) {
    return spec.withTiming(Duration.ofSeconds(graceS), Duration.ofSeconds(intervalS),
        Duration.ofSeconds(2)).withMaxConsecutiveFailures(max);
  }

  @Test
  void twoAndThreeHundredsAreHealthyOthersAreNot() {
    checker.start(target(httpPort()), List.of(HealthCheckSpec.http("/health"),
        HealthCheckSpec.http("/moved"), HealthCheckSpec.http("/broken")));
    scheduler.runDue();
    List<HealthResult> first = results();
    assertEquals(3, first.size());
    assertTrue(first.get(0).alive(), first.get(0).message());
    assertEquals(HealthState.HEALTHY, first.get(0).state());
    assertTrue(first.get(1).alive(), first.get(1).message());
    assertTrue(first.get(1).message().contains("302"), first.get(1).message());
    assertFalse(first.get(2).alive());
    assertTrue(first.get(2).message().contains("answered 500"), first.get(2).message());
    assertEquals(HealthState.UNKNOWN, first.get(2).state(), "a failure within the grace");
    assertEquals(0, first.get(2).consecutiveFailures());
    assertEquals(Optional.of(HealthState.UNKNOWN), checker.state("task.1"));
  }

  @Test
  void failuresWithinTheGraceDoNotCountAndAfterItTheyDo() {
    toggleStatus.set(503);
    checker.start(target(httpPort()), List.of(timed(HealthCheckSpec.http("/toggle"), 10, 2, 3)));
    scheduler.runDue();
    scheduler.advance(Duration.ofSeconds(8));
    assertEquals(5, results().size(), "runs at 0, 2, 4, 6 and 8 s");
    assertTrue(results().stream().allMatch(r -> r.state() == HealthState.UNKNOWN
        && r.consecutiveFailures() == 0 && r.message().contains("grace")));

    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(HealthState.FAILING, last().state());
    assertEquals(1, last().consecutiveFailures());
    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(HealthState.FAILING, last().state());
    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(HealthState.UNHEALTHY, last().state());
    assertEquals(3, last().consecutiveFailures());
    assertTrue(last().changed());
    assertEquals(T0.plusSeconds(14), last().timestamp());

    toggleStatus.set(200);
    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(HealthState.HEALTHY, last().state());
    assertEquals(0, last().consecutiveFailures());
    assertTrue(last().changed());
  }

  @Test
  void aFirstSuccessEndsTheGraceEarly() {
    checker.start(target(httpPort()), List.of(timed(HealthCheckSpec.http("/toggle"), 300, 5, 2)));
    scheduler.runDue();
    assertEquals(HealthState.HEALTHY, last().state());
    toggleStatus.set(500);
    scheduler.advance(Duration.ofSeconds(5));
    assertEquals(HealthState.FAILING, last().state());
    scheduler.advance(Duration.ofSeconds(5));
    assertEquals(HealthState.UNHEALTHY, last().state());
  }

  @Test
  void maxZeroNeverMakesATaskUnhealthy() {
    toggleStatus.set(500);
    checker.start(target(httpPort()), List.of(timed(HealthCheckSpec.http("/toggle"), 0, 1, 0)));
    scheduler.advance(Duration.ofSeconds(10));
    assertEquals(11, last().consecutiveFailures());
    assertEquals(HealthState.FAILING, last().state());
  }

  @Test
  void theIntervalSpacesTheRuns() {
    checker.start(target(httpPort()), List.of(HealthCheckSpec.http("/health")));
    scheduler.runDue();
    assertEquals(1, results().size());
    scheduler.advance(Duration.ofSeconds(59));
    assertEquals(1, results().size());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, results().size());
    assertFalse(last().changed(), "healthy again is no change");
  }

  @Test
  void informationalAnswersAreDiscardedOnlyWhenAsked() throws Exception {
    try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        while (!raw.isClosed()) {
          try (Socket s = raw.accept()) {
            s.getOutputStream().write(
                "HTTP/1.1 102 Processing\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            return;
          }
        }
      });
      server.setDaemon(true);
      server.start();
      HealthCheckSpec check = timed(HealthCheckSpec.http("/"), 0, 1, 3);
      checker.start(target(raw.getLocalPort()), List.of(check.withIgnoreHttp1xx(true)));
      scheduler.advance(Duration.ofSeconds(3));
      assertEquals(List.of(), results(), "1xx answers were discarded");

      checker.start(target(raw.getLocalPort()), List.of(check));
      scheduler.runDue();
      assertEquals(1, results().size());
      assertFalse(last().alive());
      assertTrue(last().message().contains("answered 102"), last().message());
    }
  }

  @Test
  void tcpPassesWhileSomethingListens() throws Exception {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    int port = socket.getLocalPort();
    checker.start(target(port), List.of(timed(HealthCheckSpec.tcp(), 0, 1, 1)));
    scheduler.runDue();
    assertEquals(HealthState.HEALTHY, last().state(), last().message());
    socket.close();
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(HealthState.UNHEALTHY, last().state());
    assertTrue(last().message().startsWith("cannot connect to 127.0.0.1:" + port),
        last().message());
  }

  @Test
  void commandsRunInTheSandboxWithTheTasksEnvironment() throws Exception {
    checker.start(target(), List.of(
        timed(HealthCheckSpec.command("test -f flag"), 0, 1, 5),
        timed(HealthCheckSpec.command("[ \"$PORT0\" = 31000 ]"), 0, 1, 5)));
    scheduler.runDue();
    assertFalse(results().get(0).alive());
    assertTrue(results().get(0).message().contains("exited 1"), results().get(0).message());
    assertTrue(results().get(1).alive(), results().get(1).message());
    Files.writeString(sandbox.resolve("flag"), "");
    scheduler.advance(Duration.ofSeconds(1));
    assertTrue(results().get(2).alive(), results().get(2).message());
    assertEquals(Optional.of(HealthState.HEALTHY), checker.state("task.1"));
  }

  @Test
  void aCommandPastItsTimeoutFails() {
    HealthCheckSpec slow = HealthCheckSpec.command("sleep 30").withTiming(Duration.ZERO,
        Duration.ofSeconds(10), Duration.ofMillis(300));
    checker.start(target(), List.of(slow));
    long start = System.nanoTime();
    scheduler.runDue();
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertFalse(last().alive());
    assertTrue(last().message().contains("did not finish within 300 ms"), last().message());
    assertTrue(tookMs < 5_000, "took " + tookMs + " ms");
  }

  @Test
  void aMissingPortIndexIsAFailureThatSaysSo() {
    checker.start(target(), List.of(timed(HealthCheckSpec.tcp().withPortIndex(2), 0, 1, 1)));
    scheduler.runDue();
    assertEquals(HealthState.UNHEALTHY, last().state());
    assertTrue(last().message().contains("portIndex 2"), last().message());
  }

  @Test
  void stoppingCancelsTheNextRuns() {
    checker.start(target(httpPort()), List.of(HealthCheckSpec.http("/health")));
    scheduler.runDue();
    assertTrue(checker.stop("task.1"));
    assertFalse(checker.stop("task.1"));
    assertEquals(0, scheduler.pending());
    scheduler.advance(Duration.ofMinutes(10));
    assertEquals(1, results().size());
    assertEquals(Optional.empty(), checker.state("task.1"));
  }

  @Test
  void theTasksVerdictIsItsWorstChecks() {
    assertEquals(HealthState.UNHEALTHY,
        HealthChecker.worse(HealthState.HEALTHY, HealthState.UNHEALTHY));
    assertEquals(HealthState.FAILING,
        HealthChecker.worse(HealthState.FAILING, HealthState.UNKNOWN));
    assertEquals(HealthState.UNKNOWN,
        HealthChecker.worse(HealthState.HEALTHY, HealthState.UNKNOWN));
    assertEquals(HealthState.HEALTHY,
        HealthChecker.worse(HealthState.HEALTHY, HealthState.HEALTHY));
  }

  @Test
  void statusLinesParse() {
    assertEquals(200, HealthProbes.statusCode("HTTP/1.1 200 OK"));
    assertEquals(404, HealthProbes.statusCode("HTTP/1.0 404"));
    assertEquals(-1, HealthProbes.statusCode("SSH-2.0-OpenSSH_9.2"));
    assertEquals(-1, HealthProbes.statusCode(null));
    assertEquals(-1, HealthProbes.statusCode("HTTP/1.1 2000 Huh"));
  }

  /** A real task serving HTTP becomes healthy; once it is killed it turns unhealthy. */
  @Test
  void aPythonHttpServerTaskBecomesHealthyAndUnhealthyWhenKilled(@TempDir Path work)
      throws Exception {
    assumeTrue(ResourceDetector.runCommand(List.of("python3", "-c", "pass")).isPresent(),
        "SKIPPED: python3 is not installed; this test runs python3 -m http.server as its task");
    int port = freePort();
    TaskRunner.Config config = new TaskRunner.Config(work, "127.0.0.1",
        Cgroups.disabled("test"), () -> false, TaskRunner.DEFAULT_INHERITED_ENV);
    try (TaskRunner runner = new TaskRunner(config, UriFetcher.withDefaults(), clock, s -> { })) {
      TaskSpec spec = TaskSpec.builder("py.1", "/py")
          .cmd("exec python3 -m http.server $PORT0 --bind 127.0.0.1")
          .port(port, "http").killGracePeriod(Duration.ofSeconds(2)).build();
      TaskHandle task = runner.launch(spec);
      Await.until("the task to run", Duration.ofSeconds(10),
          () -> task.state() == TaskState.RUNNING);
      HealthCheckSpec check = timed(HealthCheckSpec.http("/"), 300, 1, 3);
      checker.start(HealthTarget.of(spec, "127.0.0.1", task.sandbox()), List.of(check));
      Await.until("the server to answer", Duration.ofSeconds(20), () -> {
        scheduler.advance(Duration.ofSeconds(1));
        return checker.state("py.1").orElseThrow() == HealthState.HEALTHY;
      });
      assertEquals(0, last().consecutiveFailures());

      runner.kill("py.1");
      assertEquals(TaskState.KILLED, task.terminal().get(10, TimeUnit.SECONDS).state());
      scheduler.advance(Duration.ofSeconds(1));
      assertEquals(HealthState.FAILING, last().state());
      scheduler.advance(Duration.ofSeconds(2));
      assertEquals(HealthState.UNHEALTHY, last().state());
      assertEquals(3, last().consecutiveFailures());
      assertTrue(last().message().contains("127.0.0.1:" + port), last().message());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
