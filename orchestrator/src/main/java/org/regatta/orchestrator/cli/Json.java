package org.regatta.orchestrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.regatta.orchestrator.plan.NodeInstance;
import org.regatta.orchestrator.plan.Plan;
import org.regatta.orchestrator.plan.PlannedNode;
import org.regatta.orchestrator.plan.Step;
import org.regatta.tosca.Problem;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.model.CapabilityAssignment;
import org.regatta.tosca.model.Value;

/** {@code -o json}: the same facts as the text output, for scripts. */
final class Json {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static String write(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode validation(LoadResult r) {
    ObjectNode o = F.objectNode();
    o.put("valid", r.ok());
    o.set("problems", problems(r.problems()));
    if (r.topology() != null) {
      o.put("node_templates", r.topology().nodeTemplates().size());
    }
    return o;
  }

  static ArrayNode problems(java.util.List<Problem> problems) {
    ArrayNode a = F.arrayNode();
    for (Problem p : problems) {
      ObjectNode o = a.addObject();
      o.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
      if (p.mark() != null) {
        o.put("file", p.mark().file());
        o.put("line", p.mark().line());
        o.put("column", p.mark().column());
      }
      o.put("path", p.path());
      o.put("message", p.message());
    }
    return a;
  }

  static ObjectNode plan(Plan plan) {
    ObjectNode o = F.objectNode();
    o.put("file", plan.file());
    o.set("inputs", values(plan.inputs()));
    ObjectNode computes = o.putObject("compute_instances");
    plan.computeInstances().forEach(computes::put);
    ArrayNode nodes = o.putArray("nodes");
    for (PlannedNode n : plan.nodes()) {
      ObjectNode j = nodes.addObject();
      j.put("name", n.name());
      j.put("type", n.template().type());
      j.put("compute", n.compute());
      if (n.hostNode() != null) {
        j.put("host", n.hostNode());
      }
      j.put("count", n.instances().size());
      ArrayNode inst = j.putArray("instances");
      n.instances().stream().map(NodeInstance::id).forEach(inst::add);
      ArrayNode roles = j.putArray("roles");
      n.roles().forEach(roles::add);
      j.set("properties", values(n.template().properties()));
      ObjectNode caps = j.putObject("capabilities");
      for (CapabilityAssignment c : n.template().capabilities().values()) {
        caps.set(c.name(), values(c.properties()));
      }
    }
    ArrayNode steps = o.putArray("steps");
    for (Step s : plan.steps()) {
      ObjectNode j = steps.addObject();
      j.put("wave", s.wave());
      j.put("step", s.id());
      ArrayNode after = j.putArray("after");
      s.after().forEach(after::add);
    }
    ObjectNode outputs = o.putObject("outputs");
    plan.outputs().forEach((k, v) -> outputs.set(k, value(v.value())));
    return o;
  }

  static ObjectNode values(Map<String, Value> values) {
    ObjectNode o = F.objectNode();
    values.forEach((k, v) -> o.set(k, value(v)));
    return o;
  }

  /** Literals keep their written form (18.10 stays 18.10); deferred values say so. */
  static JsonNode value(Value v) {
    if (v instanceof Value.Scalar s) {
      return switch (s.kind()) {
        case NULL -> F.nullNode();
        case BOOL -> F.booleanNode(Boolean.parseBoolean(s.text()));
        case INT -> number(s.text(), true);
        case FLOAT -> number(s.text(), false);
        default -> F.textNode(s.text());
      };
    }
    if (v instanceof Value.ListValue l) {
      ArrayNode a = F.arrayNode();
      l.items().forEach(i -> a.add(value(i)));
      return a;
    }
    if (v instanceof Value.MapValue m) {
      return values(m.entries());
    }
    ObjectNode o = F.objectNode();
    if (v instanceof Value.Function f) {
      o.put("deferred", f.name());
      ArrayNode args = o.putArray("args");
      f.args().forEach(a -> args.add(value(a)));
    } else {
      o.put("generated", "secret");
      o.put("input", ((Value.Generated) v).input());
    }
    return o;
  }

  private static JsonNode number(String text, boolean integer) {
    try {
      return integer ? F.numberNode(new BigInteger(text)) : com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return F.textNode(text);
    }
  }

  static ObjectNode deployment(org.regatta.orchestrator.state.Deployment d,
      java.util.List<org.regatta.orchestrator.state.Resource> nodes) {
    ObjectNode o = F.objectNode();
    o.put("id", d.id());
    o.put("name", d.name());
    o.put("status", d.status().name());
    o.put("status_reason", d.statusReason());
    o.put("template", d.templateFile());
    o.put("cloud", d.cloud());
    o.put("created", d.created().toString());
    o.put("updated", d.updated().toString());
    ObjectNode outputs = o.putObject("outputs");
    d.outputs().forEach(outputs::put);
    ArrayNode a = o.putArray("nodes");
    for (org.regatta.orchestrator.state.Resource r : nodes) {
      ObjectNode n = a.addObject();
      n.put("name", r.name());
      n.put("node_template", r.node());
      n.put("state", r.state().name());
      n.put("cloud_id", r.cloudId());
      n.put("private_address", r.privateAddress());
      n.put("public_address", r.publicAddress());
      n.put("last_step", r.lastStep());
    }
    return o;
  }
}
