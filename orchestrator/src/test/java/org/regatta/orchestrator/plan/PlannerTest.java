package org.regatta.orchestrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.load.ToscaLoader;

class PlannerTest {

  @TempDir
  Path dir;

  private Plan plan(String topology) throws IOException {
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, "tosca_definitions_version: tosca_simple_yaml_1_0\n"
        + "topology_template:\n  node_templates:\n" + topology);
    LoadResult r = ToscaLoader.defaults().load(file, Map.of());
    assertTrue(r.ok(), r.errors()::toString);
    return Planner.plan(r);
  }

  @Test
  void hostedNodesFollowTheirHostAndWaitForItToStart() throws IOException {
    Plan p = plan("""
            vm:
              type: tosca.nodes.Compute
              capabilities:
                scalable: { properties: { default_instances: 3 } }
            web:
              type: tosca.nodes.WebServer
              requirements:
                - host: vm
            db:
              type: tosca.nodes.DBMS
              requirements:
                - host: vm
            app:
              type: tosca.nodes.WebApplication
              requirements:
                - host: web
                - dependency: db
        """);
    Map<String, PlannedNode> nodes = p.nodes().stream()
        .collect(Collectors.toMap(PlannedNode::name, Function.identity()));
    assertEquals(3, nodes.get("vm").instances().size());
    assertEquals(3, nodes.get("app").instances().size());
    assertEquals("web[2]", nodes.get("app").instances().get(2).host());
    assertEquals(Map.of("vm", 3), p.computeInstances());
    Map<String, Step> steps = p.steps().stream()
        .collect(Collectors.toMap(Step::id, Function.identity()));
    assertEquals(List.of("vm.start"), steps.get("web.create").after());
    assertTrue(steps.get("app.configure").after().contains("db.start"));
    assertTrue(steps.get("app.create").wave() > steps.get("web.start").wave());
    assertTrue(steps.get("app.configure").wave() > steps.get("db.start").wave());
    // db and web do not wait for each other
    assertEquals(steps.get("db.create").wave(), steps.get("web.create").wave());
    for (int i = 1; i < p.steps().size(); i++) {
      assertTrue(p.steps().get(i - 1).wave() <= p.steps().get(i).wave());
    }
  }

  @Test
  void scalableCountOfZeroPlansNoInstances() throws IOException {
    Plan p = plan("""
            vm:
              type: tosca.nodes.Compute
              capabilities:
                scalable: { properties: { default_instances: 0 } }
        """);
    assertEquals(Map.of("vm", 0), p.computeInstances());
  }
}
