package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCommandTest {

  private static final Path SANDBOX = Path.of("/var/lib/regatta/sandboxes/web.1");

  private static TaskSpec bridgeTask() {
    return TaskSpec.builder("web.1", "/shop/web")
        .docker(DockerSpec.of("nginx:1.25")
            .withPortMappings(List.of(DockerSpec.PortMapping.tcp(80),
                new DockerSpec.PortMapping(0, "udp,tcp", "dns")))
            .withParameters(List.of(new DockerSpec.Parameter("memory-swap", "128m"))))
        .port(31000, "http").port(31001, "dns")
        .cpus(0.25).memMb(100)
        .env("GREETING", "hi")
        .build();
  }

  @Test
  void bridgeRunNamesLabelsMapsAndLimits() {
    TaskSpec spec = bridgeTask();
    Map<String, String> env = DockerCommand.environment(spec, "agent-1");
    List<String> cmd = DockerCommand.run(spec, SANDBOX, env);
    assertEquals(List.of("docker", "run", "--rm", "--name", "regatta-task-web.1",
        "--label", "org.regatta.task=web.1", "--label", "org.regatta.app=/shop/web",
        "--network", "bridge",
        "-p", "31000:80/tcp", "-p", "31001:31001/udp", "-p", "31001:31001/tcp"),
        cmd.subList(0, 17));
    assertTrue(containsPair(cmd, "-e", "GREETING"), cmd.toString());
    assertTrue(containsPair(cmd, "-e", "PORT0"), cmd.toString());
    assertTrue(containsPair(cmd, "-e", "MESOS_TASK_ID"), cmd.toString());
    assertFalse(cmd.stream().anyMatch(a -> a.contains("=hi")), "values stay off the command line");
    assertTrue(containsPair(cmd, "-v", SANDBOX + ":/mnt/mesos/sandbox"), cmd.toString());
    assertTrue(cmd.contains("--cpus=0.25"), cmd.toString());
    assertTrue(cmd.contains("--memory=100m"), cmd.toString());
    assertTrue(cmd.contains("--memory-swap=128m"), cmd.toString());
    assertEquals("nginx:1.25", cmd.get(cmd.size() - 1), "no cmd, no args: the image's own");
    assertEquals("/mnt/mesos/sandbox", env.get("MESOS_SANDBOX"));
    assertEquals("31000", env.get("PORT_HTTP"));
  }

  @Test
  void cmdRunsThroughTheShellEntrypoint() {
    TaskSpec spec = TaskSpec.builder("job.2", "/job").cmd("echo $HOST > out")
        .docker(DockerSpec.of("regatta/base:bookworm").withNetwork(DockerSpec.Network.HOST))
        .port(31010, "").build();
    List<String> cmd = DockerCommand.run(spec, SANDBOX, Map.of());
    assertTrue(containsPair(cmd, "--network", "host"));
    assertFalse(cmd.contains("-p"), "host networking maps no ports: " + cmd);
    assertEquals(
        List.of("--entrypoint", "/bin/sh", "regatta/base:bookworm", "-c", "echo $HOST > out"),
        cmd.subList(cmd.size() - 5, cmd.size()));
  }

  @Test
  void argsFollowTheImage() {
    TaskSpec spec = TaskSpec.builder("a.1", "/a").args(List.of("--port", "8080"))
        .docker(DockerSpec.of("img")).build();
    List<String> cmd = DockerCommand.run(spec, SANDBOX, Map.of());
    assertEquals(List.of("img", "--port", "8080"), cmd.subList(cmd.size() - 3, cmd.size()));
    assertFalse(cmd.contains("--entrypoint"));
  }

  @Test
  void variablesThatSteerTheClientGoWithTheirValues() {
    Map<String, String> taskEnv = new LinkedHashMap<>();
    taskEnv.put("DOCKER_HOST", "tcp://inside:2375");
    taskEnv.put("APP_MODE", "prod");
    TaskSpec spec = TaskSpec.builder("a.1", "/a").docker(DockerSpec.of("img")).build();
    List<String> cmd = DockerCommand.run(spec, SANDBOX, taskEnv);
    assertTrue(containsPair(cmd, "-e", "DOCKER_HOST=tcp://inside:2375"), cmd.toString());
    assertTrue(containsPair(cmd, "-e", "APP_MODE"), cmd.toString());
    Map<String, String> client = DockerCommand.clientEnvironment(
        Map.of("PATH", "/usr/bin", "DOCKER_HOST", "unix:///var/run/docker.sock"), taskEnv);
    assertEquals("unix:///var/run/docker.sock", client.get("DOCKER_HOST"));
    assertEquals("prod", client.get("APP_MODE"));
  }

  @Test
  void stopRoundsTheGraceUpToWholeSeconds() {
    assertEquals(List.of("docker", "stop", "--time", "3", "regatta-task-a.1"),
        DockerCommand.stop("a.1", Duration.ofSeconds(3)));
    assertEquals(List.of("docker", "stop", "--time", "2", "regatta-task-a.1"),
        DockerCommand.stop("a.1", Duration.ofMillis(1500)));
    assertEquals(List.of("docker", "rm", "-f", "regatta-task-a.1"), DockerCommand.remove("a.1"));
    assertEquals(List.of("docker", "exec", "regatta-task-a.1", "/bin/sh", "-c", "true"),
        DockerCommand.exec("a.1", "true"));
  }

  @Test
  void dockerHostSelectsTheSocket() {
    assertEquals(UnixDomainSocketAddress.of("/var/run/docker.sock"), DockerEngine.address(null));
    assertEquals(UnixDomainSocketAddress.of("/run/user/1000/docker.sock"),
        DockerEngine.address("unix:///run/user/1000/docker.sock"));
    assertEquals("127.0.0.1:2375", DockerEngine.address("tcp://127.0.0.1:2375").toString()
        .replace("/<unresolved>", ""));
  }

  @Test
  void aSocketNobodyServesIsNoEngine(@TempDir Path dir) {
    DockerEngine none = new DockerEngine(UnixDomainSocketAddress.of(dir.resolve("docker.sock")));
    assertFalse(none.answers());
    assertFalse(DockerEngine.fromEnvironment(Collections.singletonMap("DOCKER_HOST",
        "unix://" + dir.resolve("missing.sock"))).answers());
  }

  @Test
  void aFailedDockerRunIsExplainedByTheClientsComplaint(@TempDir Path dir) throws Exception {
    Path stderr = Files.writeString(dir.resolve("stderr"), """
        Unable to find image 'regatta/none:1' locally
        docker: Error response from daemon: pull access denied for regatta/none.

        Run 'docker run --help' for more information
        """);
    assertEquals(Optional.of(
        "docker: Error response from daemon: pull access denied for regatta/none."),
        TaskRunner.dockerError(stderr));
    Path other = Files.writeString(dir.resolve("other"), "first\nlast words\n\n");
    assertEquals(Optional.of("last words"), TaskRunner.dockerError(other));
    assertEquals(Optional.empty(), TaskRunner.dockerError(dir.resolve("absent")));
  }

  private static boolean containsPair(List<String> cmd, String flag, String value) {
    for (int i = 0; i + 1 < cmd.size(); i++) {
      if (cmd.get(i).equals(flag) && cmd.get(i + 1).equals(value)) {
        return true;
      }
    }
    return false;
  }
}
