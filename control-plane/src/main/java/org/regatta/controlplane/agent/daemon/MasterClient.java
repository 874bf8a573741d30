package org.regatta.controlplane.agent.daemon;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Posts to whichever master leads. Tries the leader it last reached first, then the configured
 * masters in order; follows 307/308 by hand (the JDK client does not follow a POST), moves on to
 * the next master on any other answer or a connection error, and remembers who accepted. Only a
 * malformed request (400, 413, 415, 422) is final: a new leader may answer 404 or 409 to an agent
 * it has not registered yet, and must be asked again. Every HTTP outcome is translated here, once,
 * into a {@link Delivery}.
 */
final class MasterClient {

  /** ACCEPTED: 2xx. REJECTED: malformed, no retry will help. UNREACHABLE: no master took it. */
  enum Outcome { ACCEPTED, REJECTED, UNREACHABLE }

  /** What one post came to; {@code master} is the URL that answered last, null when none did. */
  record Delivery(Outcome outcome, int status, URI master, String body, String detail) {}

  static final int MAX_REDIRECTS = 4;
  private static final Set<Integer> MALFORMED = Set.of(400, 413, 415, 422);

  private final List<URI> masters;
  private final HttpClient http;
  private final Duration timeout;
  private volatile URI leader;

  MasterClient(List<URI> masters, HttpClient http, Duration timeout) {
    if (masters.isEmpty()) {
      throw new IllegalArgumentException("an agent needs at least one master URL");
    }
    this.masters = masters.stream().map(MasterClient::origin).distinct().toList();
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The master that last accepted a post, when one did and has not failed since. */
  Optional<URI> leader() {
    return Optional.ofNullable(leader);
  }

  Delivery post(String path, byte[] body, Map<String, String> headers) {
    URI known = leader;
    List<URI> candidates = new ArrayList<>();
    if (known != null) {
      candidates.add(known);
    }
    masters.stream().filter(m -> !m.equals(known)).forEach(candidates::add);
    StringJoiner why = new StringJoiner("; ");
    for (URI master : candidates) {
      URI target = URI.create(master + path);
      for (int hop = 0; ; hop++) {
        HttpResponse<String> response;
        try {
          response = http.send(request(target, body, headers),
              HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          why.add(target + ": " + describe(e));
          break;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Delivery(Outcome.UNREACHABLE, 0, null, "", "interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
          leader = origin(target);
          return new Delivery(Outcome.ACCEPTED, status, target, response.body(), "");
        }
        Optional<String> location = response.headers().firstValue("Location");
        if ((status == 307 || status == 308) && location.isPresent() && hop < MAX_REDIRECTS) {
          target = target.resolve(location.get());
          continue;
        }
        if (MALFORMED.contains(status)) {
          return new Delivery(Outcome.REJECTED, status, target, response.body(),
              target + " answered HTTP " + status + ": " + response.body().strip());
        }
        why.add(target + ": HTTP " + status
            + (status / 100 == 3 ? " (redirect not followed)" : ""));
        break;
      }
    }
    leader = null;
    return new Delivery(Outcome.UNREACHABLE, 0, null, "", "no master accepted " + path + ": "
        + why);
  }

  private HttpRequest request(URI target, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    return b.build();
  }

  /** {@code http://host:port} of a URL: where a master is, without path or trailing slash. */
  static URI origin(URI url) {
    if (url.getScheme() == null || url.getRawAuthority() == null) {
      throw new IllegalArgumentException("a master URL needs a scheme and host, got " + url);
    }
    return URI.create(url.getScheme() + "://" + url.getRawAuthority());
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }
}
