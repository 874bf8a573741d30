package org.regatta.controlplane.agent.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.regatta.controlplane.protocol.AgentProtocol;
import org.regatta.controlplane.protocol.AgentProtocol.AgentInfo;
import org.regatta.controlplane.protocol.AgentProtocol.TaskReport;

/**
 * A master as an agent sees one, on 127.0.0.1: it records every request and answers as a leader
 * (200 {"leader": …}), as a follower (307 to another master), or with a fixed status (503: no
 * leader known). It can be stopped and restarted on the same port, to play a master that is down.
 */
final class FakeMaster implements AutoCloseable {

  record Request(String method, String path, String agentHeader, String body) {}

  private final List<Request> requests = new ArrayList<>();
  private volatile int status = 200;
  private volatile String redirectTo;
  private HttpServer http;
  private int port;

  private FakeMaster() throws IOException {
    bind(0);
  }

  static FakeMaster leader() throws IOException {
    return new FakeMaster();
  }

  /** A follower that sends every request on to {@code leader} with 307. */
  static FakeMaster redirectingTo(FakeMaster leader) throws IOException {
    FakeMaster m = new FakeMaster();
    m.redirectTo = leader.url();
    return m;
  }

  /** A master that answers every request with {@code status} (e.g. 503: no leader elected). */
  static FakeMaster answering(int status) throws IOException {
    FakeMaster m = new FakeMaster();
    m.status = status;
    return m;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void redirectTo(String target) {
    redirectTo = target;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  List<AgentInfo> registrations() {
    return accepted(AgentProtocol.AGENTS_PATH).stream()
        .map(r -> read(r.body(), AgentInfo.class)).toList();
  }

  List<TaskReport> reports() {
    return accepted(AgentProtocol.STATUS_PATH).stream()
        .map(r -> read(r.body(), TaskReport.class)).toList();
  }

  List<TaskReport> reports(String taskId) {
    return reports().stream().filter(r -> r.taskId().equals(taskId)).toList();
  }

  List<String> states(String taskId) {
    return reports(taskId).stream().map(TaskReport::state).toList();
  }

  /** Like a master process that died: connections are refused until {@link #restart}. */
  synchronized void stop() {
    http.stop(0);
  }

  synchronized void restart() throws IOException {
    bind(port);
  }

  @Override
  public synchronized void close() {
    http.stop(0);
  }

  private List<Request> accepted(String path) {
    return redirectTo == null && status == 200 ? requests(path) : List.of();
  }

  private void bind(int p) throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 16);
    port = http.getAddress().getPort();
    http.createContext("/", this::handle);
    http.start();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex; InputStream in = ex.getRequestBody()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String path = ex.getRequestURI().getPath();
      synchronized (this) {
        requests.add(new Request(ex.getRequestMethod(), path,
            ex.getRequestHeaders().getFirst(AgentProtocol.AGENT_HEADER), body));
      }
      String target = redirectTo;
      if (target != null) {
        ex.getResponseHeaders().add("Location", target + ex.getRequestURI().getRawPath());
        ex.sendResponseHeaders(307, -1);
      } else if (status != 200) {
        send(ex, status, "{\"message\":\"fake master answers " + status + "\"}");
      } else if (path.equals(AgentProtocol.AGENTS_PATH)) {
        send(ex, 200, "{\"leader\":\"" + url() + "\"}");
      } else if (path.equals(AgentProtocol.STATUS_PATH)) {
        send(ex, 200, "{}");
      } else {
        send(ex, 404, "{\"message\":\"no route\"}");
      }
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return Json.MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("fake master got a malformed " + type.getSimpleName(), e);
    }
  }
}
