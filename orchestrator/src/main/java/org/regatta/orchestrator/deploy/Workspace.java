package org.regatta.orchestrator.deploy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The orchestrator's files: {@code <data>/state} (the embedded database) and, per deployment,
 * {@code deployments/<id>/ssh} (its key pair and pinned host keys) and {@code logs/<node>.log}.
 */
public final class Workspace {

  private final Path root;

  public Workspace(Path root) {
    this.root = root;
  }

  /**
   * {@code $REGATTA_HOME} (or the system property {@code regatta.home}), else
   * {@code $XDG_DATA_HOME/regatta}, else ~/.local/share/regatta.
   */
  public static Workspace defaultLocation() {
    String home = System.getProperty("regatta.home", System.getenv("REGATTA_HOME"));
    if (home != null && !home.isBlank()) {
      return new Workspace(Path.of(home));
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    return new Workspace(base.resolve("regatta"));
  }

  public Path root() {
    return root;
  }

  public Path stateDir() {
    return root.resolve("state");
  }

  public Path deploymentDir(String id) {
    return root.resolve("deployments").resolve(id);
  }

  public Path sshDir(String id) {
    return deploymentDir(id).resolve("ssh");
  }

  public Path log(String id, String node) {
    return deploymentDir(id).resolve("logs").resolve(node + ".log");
  }

  /** Appends lines to a node's log; callers serialise per node. */
  public synchronized void append(String id, String node, String line) {
    Path p = log(id, node);
    try {
      Files.createDirectories(p.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        w.write(line);
        w.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the log " + p + ": " + e.getMessage(), e);
    }
  }

  /** The last {@code n} lines of a node's log (empty when there is none). */
  public List<String> tail(String id, String node, int n) {
    Path p = log(id, node);
    if (!Files.isRegularFile(p)) {
      return List.of();
    }
    try {
      List<String> all = Files.readAllLines(p, StandardCharsets.UTF_8);
      return new ArrayList<>(all.subList(Math.max(0, all.size() - n), all.size()));
    } catch (IOException e) {
      return List.of("(log unreadable: " + e.getMessage() + ")");
    }
  }
}
