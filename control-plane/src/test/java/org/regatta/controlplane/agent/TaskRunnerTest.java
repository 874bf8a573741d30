package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TaskRunnerTest {

  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path work;
  private final RecordingListener listener = new RecordingListener();
  private TaskRunner runner;

  @BeforeEach
  void setUp() {
    runner = runner(work, Cgroups.disabled("test runner"), listener);
  }

  @AfterEach
  void tearDown() {
    runner.close();
  }

  private static TaskRunner runner(Path workDir, Cgroups cgroups, TaskStatusListener listener) {
    TaskRunner.Config config = new TaskRunner.Config(workDir, "127.0.0.1", cgroups, () -> false,
        TaskRunner.DEFAULT_INHERITED_ENV);
    return new TaskRunner(config, UriFetcher.withDefaults(), Clock.fixed(T0, ZoneOffset.UTC),
        listener);
  }

  private static TaskStatus terminal(TaskHandle h) throws Exception {
    return h.terminal().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void awaitRunning(TaskHandle h) {
    Await.until(h + " to run", WAIT, () -> h.state() == TaskState.RUNNING);
  }

  @Test
  void aTaskSeesItsEnvironmentAndPortsAndRunsInItsSandbox() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("env.1", "/shop/env")
        .cmd("printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s' "
            + "\"$PORT0\" \"$PORT1\" \"$PORT_HTTP\" \"$PORT\" "
            + "\"$HOST\" \"$MESOS_TASK_ID\" \"$MARATHON_APP_ID\" \"$MESOS_SANDBOX\" \"$(pwd)\" "
            + "\"$GREETING\" > env.txt")
        .port(31001, "http").port(31002, "")
        .env("GREETING", "hello")
        .build());
    TaskStatus end = terminal(h);
    assertEquals(TaskState.FINISHED, end.state(), end.message());
    Path sandbox = work.resolve("sandboxes/env.1");
    assertEquals(sandbox, h.sandbox());
    String real = sandbox.toRealPath().toString();
    assertEquals("31001|31002|31001|31001|127.0.0.1|env.1|/shop/env|" + sandbox + "|" + real
        + "|hello", Files.readString(sandbox.resolve("env.txt")));
  }

  @Test
  void theAgentsOwnEnvironmentStaysPrivate() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("env.2", "/a").cmd("env > all.txt").build());
    assertEquals(TaskState.FINISHED, terminal(h).state());
    List<String> names = Files.readAllLines(h.sandbox().resolve("all.txt")).stream()
        .filter(l -> l.contains("=")).map(l -> l.substring(0, l.indexOf('='))).toList();
    Set<String> allowed = new HashSet<>(TaskRunner.DEFAULT_INHERITED_ENV);
    allowed.addAll(TaskEnvironment.of(h.spec(), "127.0.0.1", h.sandbox().toString()).keySet());
    allowed.addAll(Set.of("PWD", "SHLVL", "_", "OLDPWD"));
    for (String name : names) {
      assertTrue(allowed.contains(name), "task saw the agent's " + name);
    }
  }

  @Test
  void stdoutAndStderrStayInTheSandbox() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("out.1", "/a")
        .cmd("echo to-stdout; echo to-stderr >&2").build());
    assertEquals(TaskState.FINISHED, terminal(h).state());
    assertEquals("to-stdout\n", Files.readString(h.sandbox().resolve("stdout")));
    assertEquals("to-stderr\n", Files.readString(h.sandbox().resolve("stderr")));
  }

  @Test
  void argsRunWithoutAShell() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("args.1", "/a")
        .args(List.of("printf", "%s", "$HOME is not expanded")).build());
    assertEquals(TaskState.FINISHED, terminal(h).state());
    assertEquals("$HOME is not expanded", Files.readString(h.sandbox().resolve("stdout")));
  }

  @Test
  void exitZeroFinishesThroughEveryStateWithTheClocksTime() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("ok.1", "/a").cmd("exit 0").build());
    TaskStatus end = terminal(h);
    assertEquals(TaskState.FINISHED, end.state());
    assertEquals("Command exited with status 0", end.message());
    assertEquals(List.of(TaskState.STAGING, TaskState.STARTING, TaskState.RUNNING,
        TaskState.FINISHED), listener.states("ok.1"));
    assertTrue(listener.all().stream().allMatch(s -> s.timestamp().equals(T0)));
    assertTrue(listener.all().stream().allMatch(s -> s.appId().equals("/a")));
  }

  @Test
  void exitThreeFailsNamingTheCode() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("bad.1", "/a").cmd("exit 3").build());
    TaskStatus end = terminal(h);
    assertEquals(TaskState.FAILED, end.state());
    assertEquals("Command exited with status 3", end.message());
    assertEquals(List.of(TaskState.STAGING, TaskState.STARTING, TaskState.RUNNING,
        TaskState.FAILED), listener.states("bad.1"));
  }

  @Test
  void aCommandThatCannotStartFails() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("nocmd.1", "/a")
        .args(List.of("/no/such/binary")).build());
    TaskStatus end = terminal(h);
    assertEquals(TaskState.FAILED, end.state());
    assertTrue(end.message().contains("status 127"), end.message());
  }

  @Test
  void aTaskThatTrapsTermIsKilledWithinTheGrace() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("trap.1", "/a")
        .cmd("trap 'echo got-term; exit 0' TERM; touch ready; while :; do sleep 0.05; done")
        .killGracePeriod(Duration.ofSeconds(10)).build());
    awaitRunning(h);
    Await.until("the trap to be set", WAIT, () -> Files.exists(h.sandbox().resolve("ready")));
    long start = System.nanoTime();
    assertEquals(KillResult.KILLING, runner.kill("trap.1"));
    TaskStatus end = terminal(h);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(TaskState.KILLED, end.state());
    assertTrue(end.message().contains("after SIGTERM, within the 10s kill grace period"),
        end.message());
    assertTrue(tookMs < 5_000, "took " + tookMs + " ms");
    assertEquals("got-term\n", Files.readString(h.sandbox().resolve("stdout")));
  }

  @Test
  void aTaskIgnoringTermIsKilledAfterTheGraceWithItsChildren() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("stubborn.1", "/a")
        .cmd("trap '' TERM; sleep 1000 & echo $! > child.pid; wait; wait")
        .killGracePeriod(Duration.ofMillis(800)).build());
    awaitRunning(h);
    long child = Await.readPid(h.sandbox().resolve("child.pid"));
    long leader = h.pid().orElseThrow();
    assertTrue(Await.alive(child));
    long start = System.nanoTime();
    runner.kill("stubborn.1");
    TaskStatus end = terminal(h);
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(TaskState.KILLED, end.state());
    assertTrue(end.message().contains("SIGKILL after the 800ms kill grace period"), end.message());
    assertTrue(tookMs >= 700, "SIGKILL came after " + tookMs + " ms, before the grace ended");
    Await.until("child " + child + " to die", Duration.ofSeconds(5), () -> !Await.alive(child));
    assertFalse(Await.alive(leader));
  }

  @Test
  void childrenLeftBehindByAFinishedTaskAreKilled() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("leaky.1", "/a")
        .cmd("sleep 1000 & echo $! > child.pid").build());
    assertEquals(TaskState.FINISHED, terminal(h).state());
    long child = Await.readPid(h.sandbox().resolve("child.pid"));
    Await.until("leftover child " + child + " to die", Duration.ofSeconds(5),
        () -> !Await.alive(child));
  }

  @Test
  void killAnswersWithValues() throws Exception {
    assertEquals(KillResult.UNKNOWN_TASK, runner.kill("nobody"));
    TaskHandle done = runner.launch(TaskSpec.builder("done.1", "/a").cmd("true").build());
    terminal(done);
    assertEquals(KillResult.ALREADY_TERMINAL, runner.kill("done.1"));

    TaskHandle sleeper = runner.launch(TaskSpec.builder("sleep.1", "/a").cmd("sleep 1000")
        .killGracePeriod(Duration.ZERO).build());
    awaitRunning(sleeper);
    assertEquals(KillResult.KILLING, runner.kill("sleep.1", "scaled down"));
    assertEquals(KillResult.KILLING, runner.kill("sleep.1"));
    TaskStatus end = terminal(sleeper);
    assertEquals(TaskState.KILLED, end.state());
    assertTrue(end.message().endsWith("(scaled down)"), end.message());
  }

  @Test
  void aKillDuringStagingEndsTheTaskBeforeItStarts() throws Exception {
    try (FileServer slow = new FileServer()) {
      slow.put("/a.txt", new byte[] {1});
      TaskHandle h = runner.launch(TaskSpec.builder("early.1", "/a").cmd("touch started")
          .uri(FetchUri.of(slow.url("/a.txt"))).uri(FetchUri.of(slow.url("/a.txt")))
          .build());
      runner.kill("early.1");
      TaskStatus end = terminal(h);
      assertEquals(TaskState.KILLED, end.state());
      if (end.message().startsWith("Killed before it started")) {
        assertFalse(Files.exists(h.sandbox().resolve("started")));
      }
    }
  }

  @Test
  void launchingTheSameTaskTwiceReturnsTheSameHandle() throws Exception {
    TaskSpec spec = TaskSpec.builder("twice.1", "/a").cmd("echo once").build();
    TaskHandle first = runner.launch(spec);
    assertSame(first, runner.launch(spec));
    terminal(first);
    assertEquals("once\n", Files.readString(first.sandbox().resolve("stdout")));
    assertEquals(1, listener.states("twice.1").stream()
        .filter(s -> s == TaskState.STAGING).count());
    assertTrue(runner.forget("twice.1"));
    assertTrue(runner.task("twice.1").isEmpty());
  }

  @Test
  void urisAreFetchedIntoTheSandboxAndArchivesExtracted() throws Exception {
    try (FileServer files = new FileServer()) {
      Path scratch = Files.createDirectories(work.resolve("src"));
      files.put("/dist/app.tar.gz", UriFetcherTest.tarGz(scratch));
      files.put("/bin/tool", "#!/bin/sh\necho tool-ran\n".getBytes());
      TaskHandle h = runner.launch(TaskSpec.builder("fetch.1", "/a")
          .cmd("sh app/bin/run.sh && ./tool && cat app/VERSION")
          .uri(FetchUri.of(files.url("/dist/app.tar.gz")))
          .uri(FetchUri.of(files.url("/bin/tool")).asExecutable())
          .build());
      TaskStatus end = terminal(h);
      assertEquals(TaskState.FINISHED, end.state(), end.message());
      assertEquals("from-the-archive\ntool-ran\n1.2.3\n",
          Files.readString(h.sandbox().resolve("stdout")));
      assertEquals("fetching 2 uri(s)", listener.all().get(0).message());
    }
  }

  @Test
  void aFailedFetchFailsTheTaskInStaging() throws Exception {
    try (FileServer files = new FileServer()) {
      TaskHandle h = runner.launch(TaskSpec.builder("fetch.2", "/a").cmd("true")
          .uri(FetchUri.of(files.url("/missing.tgz"))).build());
      TaskStatus end = terminal(h);
      assertEquals(TaskState.FAILED, end.state());
      assertTrue(end.message().contains("HTTP 404"), end.message());
      assertEquals(List.of(TaskState.STAGING, TaskState.FAILED), listener.states("fetch.2"));
    }
  }

  @Test
  void aDockerTaskOnAnAgentWithoutDockerFailsClearly() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("dock.1", "/web")
        .docker(DockerSpec.of("nginx:1.25")).build());
    TaskStatus end = terminal(h);
    assertEquals(TaskState.FAILED, end.state());
    assertTrue(end.message().startsWith("this agent has no Docker engine"), end.message());
  }

  @Test
  void withoutCgroupsTheStatusSaysLimitsAreNotEnforced() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("nolimit.1", "/a").cmd("true").build());
    terminal(h);
    TaskStatus running = listener.all().stream()
        .filter(s -> s.taskId().equals("nolimit.1") && s.state() == TaskState.RUNNING)
        .findFirst().orElseThrow();
    assertTrue(running.message().contains("limits not enforced: test runner"), running.message());
  }

  @Test
  void aTaskJoinsItsCgroupBeforeItsCommandStarts(@TempDir Path fakeCgroup) throws Exception {
    Files.writeString(fakeCgroup.resolve("cgroup.controllers"), "cpu memory pids");
    Files.writeString(fakeCgroup.resolve("cgroup.subtree_control"), "cpu memory");
    RecordingListener seen = new RecordingListener();
    try (TaskRunner limited = runner(work.resolve("limited"), Cgroups.at(fakeCgroup), seen)) {
      TaskHandle h = limited.launch(TaskSpec.builder("cg.1", "/a").cpus(0.5).memMb(64)
          .cmd("echo $$ > mypid; sleep 1000").killGracePeriod(Duration.ZERO).build());
      awaitRunning(h);
      Path dir = fakeCgroup.resolve("regatta-task-cg.1");
      long pid = Await.readPid(h.sandbox().resolve("mypid"));
      assertEquals(pid, h.pid().orElseThrow(), "the shell exec'd the task under the same pid");
      assertEquals(Long.toString(pid), Files.readString(dir.resolve("cgroup.procs")).trim());
      assertEquals("50000 100000", Files.readString(dir.resolve("cpu.max")));
      assertEquals("67108864", Files.readString(dir.resolve("memory.max")));
      assertTrue(h.status().message().contains("cgroup limits cpus 0.5, mem 64.0 MB"),
          h.status().message());
      limited.kill("cg.1");
      assertEquals(TaskState.KILLED, terminal(h).state());
      assertFalse(Files.exists(dir), "the task's cgroup is removed");
    }
  }

  @Test
  void aRestartedAgentKillsWhatItsPredecessorLeft() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("orphan.1", "/a").cmd("sleep 1000").build());
    awaitRunning(h);
    long pid = h.pid().orElseThrow();
    assertTrue(Files.exists(work.resolve("meta/orphan.1.pid")));
    try (TaskRunner successor = runner(work, Cgroups.disabled("test"), new RecordingListener())) {
      assertEquals(List.of("orphan.1"), successor.killOrphans());
      assertEquals(List.of(), successor.killOrphans());
    }
    TaskStatus end = terminal(h);
    assertEquals(TaskState.FAILED, end.state(), "the first runner saw its task die unasked");
    assertTrue(end.message().contains("signal 9"), end.message());
    Await.until("the orphan to die", Duration.ofSeconds(5), () -> !Await.alive(pid));
  }

  @Test
  void closeKillsLiveTasks() throws Exception {
    TaskHandle h = runner.launch(TaskSpec.builder("live.1", "/a").cmd("sleep 1000")
        .killGracePeriod(Duration.ofMillis(100)).build());
    awaitRunning(h);
    runner.close();
    assertEquals(TaskState.KILLED, h.state());
  }
}
