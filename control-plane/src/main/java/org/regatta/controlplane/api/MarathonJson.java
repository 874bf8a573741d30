package org.regatta.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies and writes responses in Marathon's JSON. Like Marathon, unknown fields are
 * dropped (and listed in {@link Parsed#ignoredFields}); a value of the wrong type is a 422 "Invalid
 * JSON" with play-json's message ({@code error.expected.jsnumber} …) at the field's path; absent
 * values are not written. The deprecated {@code ports} array becomes {@code portDefinitions}.
 * Fields of later Marathon versions that change what runs ({@code networks}, {@code ipAddress},
 * {@code container.portMappings} …) are refused rather than silently dropped.
 */
public final class MarathonJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .defaultPropertyInclusion(
          JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
      .build();

  /** App fields of Marathon 1.5+ (or 1.4 features) this control plane does not run. */
  private static final List<String> UNSUPPORTED_APP_FIELDS =
      List.of("networks", "ipAddress", "residency", "secrets", "readinessChecks");
  private static final List<String> UNSUPPORTED_CONTAINER_FIELDS = List.of("portMappings", "appc");
  static final String UNSUPPORTED =
      "not supported here: Regatta speaks Marathon 1.4's app API (use container.docker.network "
          + "and container.docker.portMappings)";

  private MarathonJson() {}

  public static Parsed<App> readApp(String json) {
    return read(json, App.class, (tree, v) -> prepareApp(tree, "", v));
  }

  /** A {@code /v2/groups} body or response; apps inside keep the ids as written. */
  public static Parsed<Group> readGroup(String json) {
    return read(json, Group.class, (tree, v) -> prepareGroup(tree, "", v));
  }

  /** A {@code GET /v2/apps} response (for clients and fixtures). */
  public static Parsed<AppList> readAppList(String json) {
    return read(json, AppList.class, (tree, v) -> eachApp(tree, "", v));
  }

  /** Any model value as Marathon's JSON; absent values left out. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Parses JSON text into a tree (for tests and the REST layer's own bodies). */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Preparer {
    void prepare(ObjectNode tree, Violations v);
  }

  private static <T> Parsed<T> read(String json, Class<T> type, Preparer preparer) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      return Parsed.failed(
          ValidationResult.malformed(ValidationResult.INVALID_JSON, e.getOriginalMessage()));
    }
    if (tree == null || tree.isMissingNode()) {
      return Parsed.failed(ValidationResult.malformed(ValidationResult.NO_JSON,
          "No content to map due to end-of-input"));
    }
    if (!tree.isObject()) {
      return Parsed.failed(invalidJson("/", "error.expected.jsobject"));
    }
    Violations v = new Violations();
    preparer.prepare((ObjectNode) tree, v);
    if (!v.isEmpty()) {
      return Parsed.failed(v.result(ValidationResult.OBJECT_NOT_VALID));
    }
    UnknownFields unknown = new UnknownFields();
    ObjectReader reader = MAPPER.readerFor(type).withHandler(unknown);
    try {
      T value = reader.readValue(MAPPER.treeAsTokens(tree));
      return Parsed.ok(value, unknown.paths.stream().sorted().toList());
    } catch (JsonMappingException e) {
      return Parsed.failed(invalidJson(path(e), message(e)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ValidationResult invalidJson(String path, String error) {
    Violations v = new Violations();
    v.add(path, error);
    return v.result(ValidationResult.INVALID_JSON);
  }

  private static void prepareGroup(ObjectNode group, String at, Violations v) {
    eachApp(group, at, v);
    JsonNode groups = group.get("groups");
    if (groups instanceof ArrayNode) {
      for (int i = 0; i < groups.size(); i++) {
        if (groups.get(i) instanceof ObjectNode) {
          prepareGroup((ObjectNode) groups.get(i), at + "/groups(" + i + ")", v);
        }
      }
    }
  }

  private static void eachApp(ObjectNode holder, String at, Violations v) {
    JsonNode apps = holder.get("apps");
    if (apps instanceof ArrayNode) {
      for (int i = 0; i < apps.size(); i++) {
        if (apps.get(i) instanceof ObjectNode) {
          prepareApp((ObjectNode) apps.get(i), at + "/apps(" + i + ")", v);
        }
      }
    }
  }

  /** Refuses unsupported fields and turns {@code ports} into {@code portDefinitions}, in place. */
  private static void prepareApp(ObjectNode app, String at, Violations v) {
    for (String field : UNSUPPORTED_APP_FIELDS) {
      if (present(app.get(field))) {
        v.add(at + "/" + field, UNSUPPORTED);
      }
    }
    JsonNode container = app.get("container");
    if (container != null) {
      for (String field : UNSUPPORTED_CONTAINER_FIELDS) {
        if (present(container.get(field))) {
          v.add(at + "/container/" + field, UNSUPPORTED);
        }
      }
    }
    JsonNode ports = app.remove("ports");
    if (ports == null || ports.isNull()) {
      return;
    }
    if (!ports.isArray()) {
      v.add(at + "/ports", "error.expected.jsarray");
      return;
    }
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < ports.size(); i++) {
      if (!ports.get(i).canConvertToExactIntegral() || !ports.get(i).isNumber()) {
        v.add(at + "/ports(" + i + ")", "error.expected.jsnumber");
        return;
      }
      numbers.add(ports.get(i).asInt());
    }
    JsonNode defs = app.get("portDefinitions");
    if (defs == null || defs.isNull()) {
      ArrayNode converted = app.putArray("portDefinitions");
      numbers.forEach(p -> converted.addObject().put("port", p));
      return;
    }
    List<Integer> defined = new ArrayList<>();
    defs.forEach(d -> defined.add(d.path("port").asInt(0)));
    if (!numbers.isEmpty() && !defs.isEmpty() && !defined.equals(numbers)) {
      v.add(at.isEmpty() ? "/" : at, "cannot specify both ports and port definitions");
    }
  }

  private static boolean present(JsonNode node) {
    if (node == null || node.isNull()) {
      return false;
    }
    return !(node.isContainerNode() && node.isEmpty());
  }

  /** Marathon's path of a field: {@code /container/docker/portMappings(0)/containerPort}. */
  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        out.append('/').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('(').append(r.getIndex()).append(')');
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String message(JsonMappingException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    if (e instanceof MismatchedInputException) {
      Class<?> target = ((MismatchedInputException) e).getTargetType();
      if (target != null) {
        return expected(target);
      }
    }
    return e.getOriginalMessage();
  }

  /** play-json's message for a value that is not of the type a field wants. */
  private static String expected(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "error.expected.jsnumber";
    }
    if (type == String.class || type.isEnum()) {
      return "error.expected.jsstring";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "error.expected.jsboolean";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "error.expected.jsarray";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "error.expected.jsobject";
    }
    return "error.expected." + type.getSimpleName();
  }

  /** Records the path of every field no model type knows, then lets Jackson skip it. */
  private static final class UnknownFields extends DeserializationProblemHandler {
    private final List<String> paths = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName)
        throws IOException {
      paths.add(contextPath(p.getParsingContext()));
      p.skipChildren();
      return true;
    }

    private static String contextPath(JsonStreamContext ctx) {
      Deque<String> parts = new ArrayDeque<>();
      for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
        if (c.inObject() && c.getCurrentName() != null) {
          parts.push("/" + c.getCurrentName());
        } else if (c.inArray()) {
          parts.push("(" + Math.max(c.getCurrentIndex(), 0) + ")");
        }
      }
      return String.join("", parts);
    }
  }
}
