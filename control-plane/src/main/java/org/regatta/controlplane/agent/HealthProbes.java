package org.regatta.controlplane.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of one health check: HTTP status, TCP connect, or a command's exit status. */
final class HealthProbes {

  /** PASS and FAIL count; IGNORE (an HTTP 1xx with ignoreHttp1xx) is discarded. */
  enum Verdict { PASS, FAIL, IGNORE }

  record Outcome(Verdict verdict, String message) {
    static Outcome pass(String message) {
      return new Outcome(Verdict.PASS, message);
    }

    static Outcome fail(String message) {
      return new Outcome(Verdict.FAIL, message);
    }
  }

  private HealthProbes() {}

  static Outcome run(HealthCheckSpec check, HealthTarget target) {
    try {
      return switch (check.protocol()) {
        case HTTP -> http(target.host(), target.portFor(check), check.path(), check.timeout(),
            check.ignoreHttp1xx());
        case TCP -> tcp(target.host(), target.portFor(check), check.timeout());
        case COMMAND -> command(check.command(), target, check.timeout());
      };
    } catch (IllegalArgumentException e) {
      return Outcome.fail(e.getMessage());
    }
  }

  /** GET {@code path}: 2xx and 3xx pass (redirects are not followed), 1xx per the flag. */
  static Outcome http(String host, int port, String path, Duration timeout, boolean ignore1xx) {
    String where = "http://" + host + ":" + port + path;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis(timeout));
      socket.setSoTimeout(millis(timeout));
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
          + "\r\nUser-Agent: regatta-health-check\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String statusLine = in.readLine();
      int code = statusCode(statusLine);
      if (code < 0) {
        return Outcome.fail(where + " answered no HTTP status line: " + statusLine);
      }
      if (code >= 100 && code < 200) {
        return ignore1xx
            ? new Outcome(Verdict.IGNORE, where + " answered " + code + " (ignored)")
            : Outcome.fail(where + " answered " + code);
      }
      return code >= 200 && code < 400
          ? Outcome.pass(where + " answered " + code)
          : Outcome.fail(where + " answered " + code);
    } catch (SocketTimeoutException e) {
      return Outcome.fail(where + " gave no answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      return Outcome.fail(where + ": " + describe(e));
    }
  }

  /** The status code of {@code HTTP/1.1 200 OK}; -1 when it is no status line. */
  static int statusCode(String statusLine) {
    if (statusLine == null || !statusLine.startsWith("HTTP/")) {
      return -1;
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || parts[1].length() != 3) {
      return -1;
    }
    try {
      return Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static Outcome tcp(String host, int port, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis(timeout));
      return Outcome.pass("connected to " + host + ":" + port);
    } catch (IOException e) {
      return Outcome.fail("cannot connect to " + host + ":" + port + ": " + describe(e));
    }
  }

  /** {@code sh -c command} in the task's sandbox and environment (in its container for Docker). */
  static Outcome command(String command, HealthTarget target, Duration timeout) {
    List<String> argv = new ArrayList<>(List.of("setsid"));
    argv.addAll(target.dockerTask()
        ? DockerCommand.exec(target.taskId(), command)
        : List.of("/bin/sh", "-c", command));
    ProcessBuilder builder = new ProcessBuilder(argv)
        .directory(target.sandbox().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.keySet().retainAll(TaskRunner.DEFAULT_INHERITED_ENV);
    if (!target.dockerTask()) {
      env.putAll(target.env());
    }
    Process p;
    try {
      p = builder.start();
      p.getOutputStream().close();
    } catch (IOException e) {
      return Outcome.fail("cannot run '" + command + "': " + describe(e));
    }
    try {
      if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        ProcessGroups.signal(p.pid(), "KILL");
        p.destroyForcibly();
        return Outcome.fail("'" + command + "' did not finish within " + timeout.toMillis()
            + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return Outcome.fail("'" + command + "' was interrupted");
    }
    return p.exitValue() == 0
        ? Outcome.pass("'" + command + "' exited 0")
        : Outcome.fail("'" + command + "' exited " + p.exitValue());
  }

  private static int millis(Duration d) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
