package org.regatta.controlplane.agent.daemon;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.regatta.controlplane.protocol.AgentProtocol;
import org.regatta.controlplane.protocol.AgentProtocol.Launch;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/**
 * The agent's HTTP face for the masters: {@code GET /ping}; {@code POST /internal/tasks} (a
 * {@link Launch}: 202 and the task's report, also when it is known already; 400 malformed, 422
 * not runnable (and reported TASK_FAILED), 503 closing); {@code GET /internal/tasks};
 * {@code GET} and {@code DELETE} {@code /internal/tasks/{id}} (202 and the report on DELETE; 404
 * unknown). Errors are {@code {"message": …}}.
 */
final class AgentServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AgentServer.class.getName());
  private static final String TASK_PREFIX = AgentProtocol.TASKS_PATH + "/";

  /** What the server asks of the agent. */
  interface Tasks {
    /** Starts a task (or finds it running); IllegalArgumentException when it cannot run. */
    TaskReport launch(Launch launch);

    /** Kills a task; empty when the agent does not know it. */
    Optional<TaskReport> kill(String taskId);

    Optional<TaskReport> task(String taskId);

    List<TaskReport> tasks();
  }

  private final HttpServer http;
  private final ExecutorService pool;
  private final Tasks tasks;

  /** Binds now (port 0 picks one); serves from {@link #start}. */
  AgentServer(InetSocketAddress listen, Tasks tasks) throws IOException {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.http = HttpServer.create(listen, 64);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "regatta-agent-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(pool);
    http.createContext("/", this::handle);
  }

  void start() {
    http.start();
  }

  int port() {
    return http.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      try {
        if (path.equals("/ping")) {
          send(ex, 200, "text/plain", "pong".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals(AgentProtocol.TASKS_PATH)) {
          switch (method) {
            case "GET" -> json(ex, 200, tasks.tasks());
            case "POST" -> launch(ex);
            default -> notAllowed(ex, method, path);
          }
        } else if (path.startsWith(TASK_PREFIX) && path.length() > TASK_PREFIX.length()
            && path.indexOf('/', TASK_PREFIX.length()) < 0) {
          String id = path.substring(TASK_PREFIX.length());
          Optional<TaskReport> found = switch (method) {
            case "GET" -> tasks.task(id);
            case "DELETE" -> tasks.kill(id);
            default -> null;
          };
          if (found == null) {
            notAllowed(ex, method, path);
          } else if (found.isEmpty()) {
            error(ex, 404, "this agent has no task " + id);
          } else {
            json(ex, method.equals("DELETE") ? 202 : 200, found.get());
          }
        } else {
          error(ex, 404, "no route for " + method + " " + path);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, method + " " + path + " failed", e);
        error(ex, 500, "internal error: " + e);
      }
    }
  }

  private void launch(HttpExchange ex) throws IOException {
    Launch launch;
    try (InputStream in = ex.getRequestBody()) {
      launch = Json.MAPPER.readValue(in, Launch.class);
    } catch (JacksonException e) {
      error(ex, 400, "malformed launch: " + e.getOriginalMessage());
      return;
    }
    if (launch == null) {
      error(ex, 400, "malformed launch: empty body");
      return;
    }
    TaskReport report;
    try {
      report = tasks.launch(launch);
    } catch (IllegalArgumentException e) {
      error(ex, 422, e.getMessage());
      return;
    } catch (IllegalStateException e) {
      error(ex, 503, e.getMessage());
      return;
    }
    json(ex, 202, report);
  }

  private static void notAllowed(HttpExchange ex, String method, String path) throws IOException {
    error(ex, 405, "method " + method + " is not allowed on " + path);
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    json(ex, status, Map.of("message", message == null ? "" : message));
  }

  private static void json(HttpExchange ex, int status, Object body) throws IOException {
    send(ex, status, "application/json", Json.bytes(body));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }
}
