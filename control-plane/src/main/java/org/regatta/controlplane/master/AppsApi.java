package org.regatta.controlplane.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.regatta.controlplane.api.App;
import org.regatta.controlplane.api.AppDefaults;
import org.regatta.controlplane.api.AppUpdates;
import org.regatta.controlplane.api.AppValidator;
import org.regatta.controlplane.api.HealthCheckResult;
import org.regatta.controlplane.api.MarathonJson;
import org.regatta.controlplane.api.Parsed;
import org.regatta.controlplane.api.PathIds;
import org.regatta.controlplane.api.Task;
import org.regatta.controlplane.api.ValidationResult;
import org.regatta.controlplane.master.DocumentStore.StoreException;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;
import org.regatta.controlplane.scheduler.Unplaced;

/**
 * The leader's routes: the Marathon v2 apps, tasks and queue API, and the agents' internal
 * registration and status endpoints. Shapes follow Marathon 1.4 (see the api package).
 */
final class AppsApi implements MasterServer.Routes {

  private static final ObjectMapper JSON = new ObjectMapper().configure(
      com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final ControlLoop loop;
  private final Clock clock;
  private final String self;

  AppsApi(ControlLoop loop, Clock clock, String self) {
    this.loop = loop;
    this.clock = clock;
    this.self = self;
  }

  @Override
  public boolean handle(HttpExchange ex, String method, String path) throws IOException {
    try {
      if (path.equals("/internal/agents") && method.equals("POST")) {
        AgentInfo info = JSON.readValue(ex.getRequestBody(), AgentInfo.class);
        loop.agents().heard(info, clock.instant());
        reply(ex, 200, JSON.createObjectNode().put("leader", self));
        return true;
      }
      if (path.equals("/internal/status") && method.equals("POST")) {
        TaskReport r = JSON.readValue(ex.getRequestBody(), TaskReport.class);
        loop.report(ex.getRequestHeaders().getFirst("X-Regatta-Agent"), r);
        reply(ex, 200, JSON.createObjectNode());
        return true;
      }
      if (path.equals("/v2/tasks") && method.equals("GET")) {
        reply(ex, 200, tasksNode(null));
        return true;
      }
      if (path.equals("/v2/queue") && method.equals("GET")) {
        reply(ex, 200, queue());
        return true;
      }
      if (path.equals("/v2/apps") || path.equals("/v2/apps/")) {
        if (method.equals("GET")) {
          boolean embed = String.valueOf(ex.getRequestURI().getQuery()).contains("apps.tasks");
          ArrayNode apps = JSON.createArrayNode();
          for (App a : loop.apps().values()) {
            apps.add(appNode(a, embed));
          }
          reply(ex, 200, JSON.createObjectNode().set("apps", apps));
        } else if (method.equals("POST")) {
          create(ex);
        } else {
          message(ex, 405, "method " + method + " is not allowed on " + path);
        }
        return true;
      }
      if (path.startsWith("/v2/apps/")) {
        apps(ex, method, path.substring("/v2/apps".length()));
        return true;
      }
      return false;
    } catch (StoreException e) {
      message(ex, 503, e.getMessage());
      return true;
    }
  }

  private void create(HttpExchange ex) throws IOException, StoreException {
    Parsed<App> p = MarathonJson.readApp(body(ex));
    if (!p.isValid()) {
      invalid(ex, p.errors());
      return;
    }
    App app = AppDefaults.forCreate(p.value());
    ValidationResult v = AppValidator.validate(app);
    if (!v.isValid()) {
      invalid(ex, v);
      return;
    }
    if (loop.store().get(ControlLoop.APPS, app.id()).isPresent()) {
      message(ex, 409, "An app with id [" + app.id() + "] already exists.");
      return;
    }
    app = versioned(app);
    store(app);
    reply(ex, 201, appNode(app, false));
  }

  private void apps(HttpExchange ex, String method, String rest) throws IOException,
      StoreException {
    String id = rest;
    String sub = null;
    String taskId = null;
    int t = rest.indexOf("/tasks");
    if (t >= 0 && (rest.length() == t + 6 || rest.charAt(t + 6) == '/')) {
      id = rest.substring(0, t);
      sub = "tasks";
      taskId = rest.length() > t + 7 ? rest.substring(t + 7) : null;
    } else if (rest.endsWith("/restart")) {
      id = rest.substring(0, rest.length() - "/restart".length());
      sub = "restart";
    }
    id = PathIds.canonical(id);
    Map<String, App> apps = loop.apps();
    App app = apps.get(id);
    if (app == null && !(sub == null && (method.equals("PUT") || method.equals("PATCH")))) {
      message(ex, 404, "App '" + id + "' does not exist");
      return;
    }
    if ("tasks".equals(sub)) {
      if (method.equals("GET")) {
        reply(ex, 200, tasksNode(id));
      } else if (method.equals("DELETE")) {
        boolean scale = String.valueOf(ex.getRequestURI().getQuery()).contains("scale=true");
        List<StoredTask> killed = new ArrayList<>();
        for (StoredTask s : loop.tasks().values()) {
          if (s.appId().equals(id) && (taskId == null || s.id().equals(taskId))) {
            killed.add(s);
          }
        }
        if (taskId != null && killed.isEmpty()) {
          message(ex, 404, "Task '" + taskId + "' does not exist");
          return;
        }
        if (scale) {
          store(versioned(app.toBuilder().instances(Math.max(0, app.instances()
              - killed.size())).build()));
        }
        for (StoredTask s : killed) {
          loop.save(s.withState("TASK_KILLING", s.healthy(), null));
          loop.agents().get(s.agentId()).ifPresent(a -> AgentClient.http().kill(a.info().url(),
              s.id()));
        }
        if (taskId != null) {
          reply(ex, 200, JSON.createObjectNode().set("task", JSON.valueToTree(task(killed.get(0)))));
        } else {
          deployment(ex, 200);
        }
      } else {
        message(ex, 405, "method " + method + " is not allowed here");
      }
      return;
    }
    if ("restart".equals(sub)) {
      for (StoredTask s : loop.tasks().values()) {
        if (s.appId().equals(id)) {
          loop.save(s.withState("TASK_KILLING", s.healthy(), null));
          loop.agents().get(s.agentId()).ifPresent(a -> AgentClient.http().kill(a.info().url(),
              s.id()));
        }
      }
      deployment(ex, 200);
      return;
    }
    switch (method) {
      case "GET" -> reply(ex, 200, JSON.createObjectNode().set("app", appNode(app,
          true)));
      case "DELETE" -> {
        loop.store().delete(ControlLoop.APPS, id);
        deployment(ex, 200);
      }
      case "PUT", "PATCH" -> {
        Parsed<App> p = MarathonJson.readApp(body(ex));
        if (!p.isValid()) {
          invalid(ex, p.errors());
          return;
        }
        // Marathon 1.4's PUT changes the fields it names (python-marathon scales with
        // PUT {"instances": n}); on an app that does not exist yet it creates it
        AppUpdates.Updated u = app == null ? AppUpdates.replace(id, p.value())
            : AppUpdates.patch(app, p.value());
        if (!u.errors().isValid()) {
          invalid(ex, u.errors());
          return;
        }
        App next = AppDefaults.forCreate(u.app().withId(id));
        ValidationResult v = AppValidator.validate(next);
        if (!v.isValid()) {
          invalid(ex, v);
          return;
        }
        store(versioned(next));
        deployment(ex, app == null ? 201 : 200);
      }
      default -> message(ex, 405, "method " + method + " is not allowed here");
    }
  }

  private App versioned(App app) {
    return app.toBuilder().version(Times.format(clock.instant())).build();
  }

  private void store(App app) throws StoreException {
    loop.store().put(ControlLoop.APPS, app.id(), MarathonJson.write(app.withoutStatus())
        .getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode appNode(App app, boolean withTasks) throws StoreException {
    List<StoredTask> tasks = loop.tasks().values().stream()
        .filter(t -> t.appId().equals(app.id())).toList();
    App.Builder b = AppDefaults.fill(app).toBuilder()
        .tasksStaged((int) tasks.stream().filter(t -> t.state().equals("TASK_STAGING")).count())
        .tasksRunning((int) tasks.stream().filter(t -> t.state().equals("TASK_RUNNING")).count())
        .tasksHealthy((int) tasks.stream().filter(t -> Boolean.TRUE.equals(t.healthy())).count())
        .tasksUnhealthy((int) tasks.stream().filter(t -> Boolean.FALSE.equals(t.healthy()))
            .count())
        .deployments(List.of());
    if (withTasks) {
      b.tasks(tasks.stream().map(AppsApi::task).toList());
    }
    return (ObjectNode) MarathonJson.toTree(b.build());
  }

  private ObjectNode tasksNode(String appId) throws StoreException {
    ArrayNode a = JSON.createArrayNode();
    for (StoredTask t : loop.tasks().values()) {
      if (appId == null || t.appId().equals(appId)) {
        a.add(MarathonJson.toTree(task(t)));
      }
    }
    return JSON.createObjectNode().set("tasks", a);
  }

  static Task task(StoredTask t) {
    List<HealthCheckResult> health = t.healthy() == null ? List.of()
        : List.of(new HealthCheckResult(t.healthy(), t.healthy() ? 0 : 1, null, null, null, null,
            t.id(), null));
    return new Task(t.id(), t.appId(), t.host(), t.ports(), List.of(), t.startedAt(),
        t.stagedAt(), t.state(), health, t.version(), t.agentId(), List.of());
  }

  private ObjectNode queue() {
    ArrayNode items = JSON.createArrayNode();
    Map<String, List<Unplaced>> byApp = new java.util.LinkedHashMap<>();
    for (Unplaced u : loop.queue()) {
      byApp.computeIfAbsent(u.task().appId(), k -> new ArrayList<>()).add(u);
    }
    byApp.forEach((app, list) -> {
      ObjectNode item = items.addObject();
      item.putObject("app").put("id", app);
      item.put("count", list.size());
      item.putObject("delay").put("timeLeftSeconds", 0).put("overdue", true);
      item.put("reason", list.get(0).reason());
    });
    java.time.Instant now = clock.instant();
    for (var d : loop.delayed()) {
      ObjectNode item = items.addObject();
      item.putObject("app").put("id", d.task().appId());
      item.put("count", 1);
      item.putObject("delay").put("timeLeftSeconds",
          Math.max(0, java.time.Duration.between(now, d.until()).toSeconds()))
          .put("overdue", false);
      item.put("reason", d.reason());
    }
    return JSON.createObjectNode().set("queue", items);
  }

  private void deployment(HttpExchange ex, int status) throws IOException {
    reply(ex, status, JSON.createObjectNode().put("deploymentId", UUID.randomUUID().toString())
        .put("version", Times.format(clock.instant())));
  }

  private static String body(HttpExchange ex) throws IOException {
    return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static void invalid(HttpExchange ex, ValidationResult v) throws IOException {
    MasterServer.send(ex, v.httpStatus(), "application/json", MarathonJson.write(v));
  }

  private static void message(HttpExchange ex, int status, String m) throws IOException {
    reply(ex, status, JSON.createObjectNode().put("message", m));
  }

  private static void reply(HttpExchange ex, int status, com.fasterxml.jackson.databind.JsonNode n)
      throws IOException {
    MasterServer.send(ex, status, "application/json", n.toString());
  }
}
