package org.regatta.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template users start from validates and plans, with no inputs at all. */
class TemplatesTest {

  static Stream<Path> templates() throws IOException {
    try (Stream<Path> s = Files.list(Cli.root().resolve("templates"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void validatesAndPlans(Path template) {
    Cli v = Cli.run("validate", template.toString());
    assertEquals(0, v.exit(), v::all);
    assertTrue(v.out().contains(": valid ("), v::all);
    assertTrue(v.err().isEmpty(), () -> "warnings: " + v.err());
    Cli p = Cli.run("plan", template.toString());
    assertEquals(0, p.exit(), p::all);
    assertTrue(p.out().contains("Operations"), p::all);
  }

  @Test
  void haClusterWithFiveAgentsPlansThreePlusFivePlusTwoComputeInstances() throws IOException {
    Path file = Cli.root().resolve("templates/mesos_cluster.yaml");
    Cli text = Cli.run("plan", file.toString(), "-i", "slave_num=5");
    assertEquals(0, text.exit(), text::all);
    assertTrue(text.out().contains("Nodes: 10 compute instances (mesos_master_server 3, "
        + "mesos_slave_server 5, mesos_lb_server 2)"), text::out);
    Cli json = Cli.run("plan", file.toString(), "-i", "slave_num=5", "-o", "json");
    JsonNode plan = new ObjectMapper().readTree(json.out());
    assertEquals(3, plan.at("/compute_instances/mesos_master_server").asInt());
    assertEquals(5, plan.at("/compute_instances/mesos_slave_server").asInt());
    assertEquals(2, plan.at("/compute_instances/mesos_lb_server").asInt());
    // secrets the user did not give are generated at deploy time, never printed in a plan
    assertEquals("secret", plan.at("/inputs/marathon_password/generated").asText());
  }

  @Test
  void defaultClusterNeedsNoInputs() {
    Cli p = Cli.run("plan", Cli.root().resolve("templates/mesos_cluster.yaml").toString());
    assertEquals(0, p.exit(), p::all);
    assertTrue(p.out().contains("Nodes: 7 compute instances"), p::out);
  }
}
