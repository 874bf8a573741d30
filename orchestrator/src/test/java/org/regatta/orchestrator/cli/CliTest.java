package org.regatta.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes 0 ok / 1 failure / 2 usage, and never a stack trace. */
class CliTest {

  @TempDir
  Path dir;

  private static void noStackTrace(Cli c) {
    assertFalse(c.all().contains("\tat ") || c.all().contains("Exception"), c::all);
  }

  @Test
  void versionAndHelp() {
    Cli v = Cli.run("--version");
    assertEquals(0, v.exit());
    assertTrue(v.out().startsWith("orchestrator (Regatta) "), v::out);
    Cli h = Cli.run("--help");
    assertEquals(0, h.exit());
    assertTrue(h.out().contains("validate") && h.out().contains("plan"), h::out);
    Cli sub = Cli.run("plan", "--help");
    assertEquals(0, sub.exit());
    assertTrue(sub.out().contains("--input") && sub.out().contains("--lenient"), sub::out);
  }

  @Test
  void usageErrorsExitTwo() {
    for (String[] args : new String[][] {{}, {"nonsense"}, {"validate"},
        {"validate", "x.yaml", "--bogus"}, {"validate", "x.yaml", "-i", "novalue"},
        {"plan", "x.yaml", "-o", "xml"}}) {
      Cli c = Cli.run(args);
      assertEquals(2, c.exit(), () -> String.join(" ", args) + ": " + c.all());
      noStackTrace(c);
    }
  }

  @Test
  void missingFileIsOneClearErrorAndExitOne() {
    Cli c = Cli.run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(1, c.exit());
    assertTrue(c.err().contains("nope.yaml: error: cannot read the template: no such file"),
        c::all);
    noStackTrace(c);
  }

  @Test
  void badInputNamesTheInputAndExitsOne() {
    Path file = Cli.root().resolve("templates/mesos_cluster.yaml");
    Cli c = Cli.run("validate", file.toString(), "-i", "slave_num=abc");
    assertEquals(1, c.exit());
    assertEquals(1, c.err().lines().count(), c::err);
    assertTrue(c.err().contains("mesos_cluster.yaml:") && c.err().contains("slave_num")
        && c.err().contains("expected an integer, found 'abc'"), c::err);
    noStackTrace(c);
  }

  @Test
  void jsonOutputOfValidate() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "tosca_definitions_version: tosca_simple_yaml_1_0\n"
        + "topology_template:\n  node_templates:\n    s:\n      type: tosca.nodes.Nope\n");
    Cli c = Cli.run("validate", file.toString(), "-o", "json");
    assertEquals(1, c.exit());
    JsonNode j = new ObjectMapper().readTree(c.out());
    assertFalse(j.get("valid").asBoolean());
    assertEquals(5, j.at("/problems/0/line").asInt());
    assertEquals("topology_template.node_templates.s.type", j.at("/problems/0/path").asText());
  }

  @Test
  void versionsKeepTheirWrittenForm() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "tosca_definitions_version: tosca_simple_yaml_1_0\n"
        + "topology_template:\n  inputs:\n    v: { type: version, default: 18.10 }\n"
        + "    f: { type: float, default: 2.50 }\n"
        + "  node_templates:\n    s:\n      type: tosca.nodes.Compute\n      capabilities:\n"
        + "        os: { properties: { version: { get_input: v } } }\n");
    Cli c = Cli.run("plan", file.toString(), "-o", "json");
    assertEquals(0, c.exit(), c::all);
    assertTrue(c.out().contains("\"v\" : \"18.10\""), c::out);
    assertTrue(c.out().contains("\"f\" : 2.50"), c::out);
    assertTrue(c.out().contains("\"version\" : \"18.10\""), c::out);
  }

  @Test
  void typeWithoutImplementationIsNamedByPlan() throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "tosca_definitions_version: tosca_simple_yaml_1_0\n"
        + "topology_template:\n  node_templates:\n    db:\n      type: tosca.nodes.DBMS\n"
        + "      requirements:\n        - host: s\n    s:\n      type: tosca.nodes.Compute\n");
    assertEquals(0, Cli.run("validate", file.toString()).exit());
    Cli c = Cli.run("plan", file.toString());
    assertEquals(1, c.exit());
    assertTrue(c.err().contains("node type 'tosca.nodes.DBMS' has no implementation"), c::err);
    noStackTrace(c);
  }
}
