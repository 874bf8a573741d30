package org.regatta.controlplane.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The master's HTTP face: {@code /ping}, {@code /v2/info}, {@code /v2/leader} (GET, DELETE),
 * {@code /metrics}. A non-leader answers what any master may answer itself and redirects the rest
 * to the leader with 307 (method and body kept).
 */
public final class MasterServer implements AutoCloseable {

  static final String VERSION = "1.10.0-regatta";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService pool;
  private volatile Leadership leadership;
  private volatile Routes routes = (ex, method, path) -> false;

  /** Routes only the leader serves; false when the path is not theirs. */
  public interface Routes {
    boolean handle(HttpExchange ex, String method, String path) throws IOException;
  }
  private final String zkConnect;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong redirects = new AtomicLong();

  /** Binds now (port 0 picks one), serves from {@link #start}. */
  public MasterServer(InetSocketAddress listen, String zkConnect) throws IOException {
    this.zkConnect = zkConnect;
    this.http = HttpServer.create(listen, 64);
    this.pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "master-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(pool);
    http.createContext("/", this::handle);
  }

  public void routes(Routes r) {
    this.routes = r;
  }

  public void start(Leadership l) {
    this.leadership = l;
    http.start();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod();
      switch (path) {
        case "/ping" -> send(ex, 200, "text/plain", "pong");
        case "/metrics" -> send(ex, 200, "text/plain; version=0.0.4", metrics());
        case "/v2/leader" -> {
          if (method.equals("GET")) {
            var leader = leadership.leader();
            if (leader.isEmpty()) {
              error(ex, 404, "There is no leader");
            } else {
              ObjectNode o = JSON.createObjectNode();
              o.put("leader", hostPort(leader.get()));
              send(ex, 200, "application/json", o.toString());
            }
          } else if (method.equals("DELETE")) {
            if (!leadership.isLeader()) {
              redirect(ex);
              return;
            }
            leadership.abdicate(java.time.Duration.ofSeconds(2));
            ObjectNode o = JSON.createObjectNode();
            o.put("message", "Leadership abdicated");
            send(ex, 200, "application/json", o.toString());
          } else {
            error(ex, 405, "method " + method + " is not allowed on " + path);
          }
        }
        case "/v2/info" -> send(ex, 200, "application/json", info().toString());
        default -> {
          if (!leadership.isLeader()) {
            redirect(ex);
          } else if (!routes.handle(ex, method, path)) {
            error(ex, 404, "no route for " + method + " " + path);
          }
        }
      }
    } catch (Exception e) {
      error(ex, 500, "internal error: " + e.getMessage());
    }
  }

  private ObjectNode info() {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", "regatta");
    o.put("version", VERSION);
    o.put("elected", leadership.isLeader());
    o.put("leader", leadership.leader().map(MasterServer::hostPort).orElse(null));
    o.put("frameworkId", "regatta-services");
    ObjectNode zk = o.putObject("zookeeper_config");
    zk.put("zk", "zk://" + zkConnect + "/regatta");
    zk.put("zk_session_timeout", Master.SESSION_TIMEOUT_MS);
    ObjectNode config = o.putObject("marathon_config");
    config.put("hostname", hostPort(leadership.self()));
    return o;
  }

  private String metrics() {
    return "# HELP regatta_master_leader 1 when this master leads\n"
        + "# TYPE regatta_master_leader gauge\n"
        + "regatta_master_leader " + (leadership.isLeader() ? 1 : 0) + "\n"
        + "# HELP regatta_http_requests_total HTTP requests served\n"
        + "# TYPE regatta_http_requests_total counter\n"
        + "regatta_http_requests_total " + requests.get() + "\n"
        + "# HELP regatta_http_redirects_total requests redirected to the leader\n"
        + "# TYPE regatta_http_redirects_total counter\n"
        + "regatta_http_redirects_total " + redirects.get() + "\n";
  }

  /** 307 to the same path on the leader; 503 when no leader is known. */
  private void redirect(HttpExchange ex) throws IOException {
    var leader = leadership.leader();
    if (leader.isEmpty()) {
      error(ex, 503, "no leader elected yet: retry in a few seconds");
      return;
    }
    redirects.incrementAndGet();
    String query = ex.getRequestURI().getRawQuery();
    ex.getResponseHeaders().add("Location", leader.get() + ex.getRequestURI().getRawPath()
        + (query == null ? "" : "?" + query));
    ex.sendResponseHeaders(307, -1);
  }

  static String hostPort(String url) {
    return url.replaceFirst("^https?://", "").replaceFirst("/$", "");
  }

  private static void error(HttpExchange ex, int status, String message) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("message", message);
    send(ex, status, "application/json", o.toString());
  }

  static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }
}
