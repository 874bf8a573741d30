package org.regatta.provisioner.cloud;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A cloud API on loopback that answers from recorded exchanges (YAML under
 * src/test/resources/cloud/), so that jclouds' own request and response code runs against it.
 * Every request is kept, to check what jclouds sent; a request no exchange matches gets 501 and
 * is listed in {@link #unmatched()}.
 *
 * <pre>
 * - method: POST                 # exchanges are tried in order; the first match answers
 *   path: /v2.0/tokens           # a regular expression on the path (no query)
 *   body: '"passwordCredentials"' # optional: a regular expression found in the request body
 *   status: 200                  # default 200
 *   type: application/json       # default application/json
 *   response: |                  # {{base}} becomes http://127.0.0.1:PORT
 *     {"access": …}
 *   after: DELETE /v2/t1/servers/s1 # optional: matches only once such a request was seen
 * </pre>
 */
final class MockCloudServer implements AutoCloseable {

  record Exchange(String method, String path, String body, Integer status, String type,
      String response, Map<String, String> headers, String after) {}

  record Request(String method, String path, String query, Map<String, List<String>> headers,
      String body) {
    String target() {
      return method + " " + path + (query == null ? "" : "?" + query);
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final HttpServer server;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Request> unmatched = new CopyOnWriteArrayList<>();

  MockCloudServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Loads exchanges from a classpath YAML; later loads are tried after earlier ones. */
  MockCloudServer load(String resource) throws IOException {
    try (InputStream in = MockCloudServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      exchanges.addAll(YAML.readValue(in, new TypeReference<List<Exchange>>() {}));
    }
    return this;
  }

  /** Puts one exchange before all others (to make one call fail in a test). */
  MockCloudServer first(String method, String path, int status, String response) {
    return first(method, path, null, status, response);
  }

  /** The same, for requests whose body {@code bodyRegex} is found in. */
  MockCloudServer first(String method, String path, String bodyRegex, int status,
      String response) {
    String type = response.startsWith("<") ? "text/xml" : null;
    exchanges.add(0, new Exchange(method, path, bodyRegex, status, type, response, null, null));
    return this;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String method, String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return requests.stream().filter(r -> r.method().equals(method)
        && p.matcher(r.path()).matches()).toList();
  }

  List<Request> unmatched() {
    return List.copyOf(unmatched);
  }

  private void handle(HttpExchange http) throws IOException {
    String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(http.getRequestMethod(), http.getRequestURI().getPath(),
        http.getRequestURI().getRawQuery(), Map.copyOf(http.getRequestHeaders()), body);
    requests.add(request);
    Exchange match = null;
    for (Exchange e : exchanges) {
      if (e.method().equalsIgnoreCase(request.method())
          && Pattern.compile(e.path()).matcher(request.path()).matches()
          && (e.body() == null || Pattern.compile(e.body()).matcher(body).find())
          && (e.after() == null || requests.stream().anyMatch(r -> r.target().equals(e.after())))) {
        match = e;
        break;
      }
    }
    int status;
    String type;
    String response;
    if (match == null) {
      unmatched.add(request);
      status = 501;
      type = "text/plain";
      response = "no recorded exchange for " + request.target() + " " + request.body();
    } else {
      status = match.status() == null ? 200 : match.status();
      type = match.type() == null ? "application/json" : match.type();
      response = match.response() == null ? "" : match.response().replace("{{base}}", base());
      if (match.headers() != null) {
        match.headers().forEach((k, v) -> http.getResponseHeaders().add(k,
            v.replace("{{base}}", base())));
      }
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    http.getResponseHeaders().add("Content-Type", type);
    http.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = http.getResponseBody()) {
        out.write(bytes);
      }
    }
    http.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static List<String> targets(List<Request> requests) {
    List<String> out = new ArrayList<>();
    requests.forEach(r -> out.add(r.target()));
    return out;
  }
}
