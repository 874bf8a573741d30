package org.regatta.provisioner.roles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.regatta.provisioner.ssh.RemoteShell;
import org.regatta.provisioner.ssh.SshException;

/**
 * Applies a {@link Role} to a node through a {@link RemoteShell}:
 *
 * <pre>
 *   bind variables + render templates     (locally: a missing variable fails before any SSH)
 *   sync artifact directories             (sha256 compare; upload what differs, drop extras)
 *   stage lib.sh, regatta-supervise and rendered files in /var/lib/regatta/stage/ROLE
 *   sh recipe.sh                          (prints changed:/unchanged: lines; restarts dirty services)
 * </pre>
 *
 * Roles run as root on the node.
 */
public final class RoleRunner {

  public static final String STAGE_DIR = "/var/lib/regatta/stage";
  private static final String CHANGED = "changed: ";

  private final String root;
  private final Map<String, String> env;

  public RoleRunner() {
    this("", Map.of());
  }

  /**
   * For tests: {@code root} stands for the node's {@code /} (every path the runner and the recipes
   * touch is under it), {@code env} is passed to the recipe (e.g. {@code REGATTA_INIT}).
   */
  RoleRunner(String root, Map<String, String> env) {
    this.root = root;
    this.env = Map.copyOf(env);
  }

  /** Runs {@code role} on the node; {@code log} receives every line, the node's and the runner's. */
  public RoleRun run(RemoteShell shell, Role role, Map<String, Object> vars, Consumer<String> log)
      throws RoleException, SshException {
    Map<String, String> bound = role.bind(vars);
    Map<String, String> staged = new LinkedHashMap<>();
    staged.put("lib.sh", Template.resource("lib.sh").text());
    staged.put("regatta-supervise", Template.resource("regatta-supervise").text());
    for (String file : role.files()) {
      staged.put(file.substring(file.lastIndexOf('/') + 1), Template.resource(file).render(bound));
    }
    if (!staged.containsKey("recipe.sh")) {
      throw new IllegalStateException("role " + role.name() + " has no recipe.sh");
    }
    List<ArtifactDir> artifacts = role.artifacts(vars);
    Map<Path, String> localHashes = new LinkedHashMap<>();
    for (ArtifactDir dir : artifacts) {
      for (Path f : dir.files()) {
        localHashes.put(f, sha256(role, f));
      }
    }

    if (root.isEmpty()) {
      requireRoot(shell, role);
    }
    List<String> changes = new ArrayList<>();
    Set<String> dirty = new LinkedHashSet<>();
    for (ArtifactDir dir : artifacts) {
      if (syncArtifacts(shell, role, dir, localHashes, log, changes)) {
        dirty.add(dir.service());
      }
    }

    String stage = root + STAGE_DIR + "/" + role.name();
    expectZero(shell, role, "rm -rf " + quote(stage) + " && mkdir -p -m 700 " + quote(stage),
        "cannot prepare " + stage);
    for (Map.Entry<String, String> f : staged.entrySet()) {
      shell.upload(f.getValue().getBytes(StandardCharsets.UTF_8), stage + "/" + f.getKey(), 0600);
    }

    StringBuilder command = new StringBuilder();
    Map<String, String> recipeEnv = new TreeMap<>(env);
    recipeEnv.put("REGATTA_ROOT", root);
    recipeEnv.put("REGATTA_DIRTY", String.join(" ", dirty));
    recipeEnv.forEach((k, v) -> command.append(k).append('=').append(quote(v)).append(' '));
    command.append("sh ").append(quote(stage + "/recipe.sh"));
    Deque<String> tail = new ArrayDeque<>();
    int status = shell.exec(command.toString(), line -> {
      log.accept(line);
      if (line.startsWith(CHANGED)) {
        changes.add(line);
      }
      tail.addLast(line);
      if (tail.size() > 20) {
        tail.removeFirst();
      }
    });
    if (status != 0) {
      String cause = tail.stream().filter(l -> l.startsWith("error: ")).reduce((a, b) -> b)
          .orElse(tail.isEmpty() ? "no output" : tail.getLast());
      throw new RoleException("role " + role.name() + " failed on " + shell + " with exit status "
          + status + ": " + cause);
    }
    return new RoleRun(role.name(), changes);
  }

  private static void requireRoot(RemoteShell shell, Role role) throws SshException,
      RoleException {
    List<String> out = new ArrayList<>();
    int status = shell.exec("id -u", out::add);
    if (status != 0 || !out.equals(List.of("0"))) {
      throw new RoleException("role " + role.name() + " needs root on " + shell
          + ", but the login user has uid " + String.join(" ", out)
          + "; log in as root");
    }
  }

  /** Makes the remote directory hold exactly the local files; returns whether it changed. */
  private boolean syncArtifacts(RemoteShell shell, Role role, ArtifactDir dir,
      Map<Path, String> localHashes, Consumer<String> log, List<String> changes)
      throws SshException, RoleException {
    String remote = root + dir.remoteDir();
    Map<String, String> remoteHashes = new TreeMap<>();
    expectZero(shell, role, "mkdir -p " + quote(remote) + " && cd " + quote(remote)
        + " && for f in *; do if [ -f \"$f\" ]; then sha256sum \"$f\"; fi; done", line -> {
          int sep = line.indexOf("  ");
          if (sep == 64) {
            remoteHashes.put(line.substring(sep + 2), line.substring(0, sep));
          }
        }, "cannot list " + remote);
    List<String> here = new ArrayList<>();
    for (Path f : dir.files()) {
      String name = f.getFileName().toString();
      here.add(name);
      if (!localHashes.get(f).equals(remoteHashes.remove(name))) {
        shell.upload(f, remote + "/" + name, 0644);
        changes.add(CHANGED + remote + "/" + name);
        log.accept(CHANGED + remote + "/" + name);
      }
    }
    if (!remoteHashes.isEmpty()) {
      StringBuilder rm = new StringBuilder("rm -f --");
      for (String extra : remoteHashes.keySet()) {
        rm.append(' ').append(quote(remote + "/" + extra));
        changes.add(CHANGED + remote + "/" + extra + " removed");
        log.accept(CHANGED + remote + "/" + extra + " removed");
      }
      expectZero(shell, role, rm.toString(), "cannot clean " + remote);
    }
    boolean changed = changes.stream().anyMatch(c -> c.startsWith(CHANGED + remote + "/"));
    if (!changed) {
      log.accept("unchanged: " + remote + "/ (" + here.size() + " files)");
    }
    return changed;
  }

  private static void expectZero(RemoteShell shell, Role role, String command, String what)
      throws SshException, RoleException {
    List<String> out = new ArrayList<>();
    expectZero(shell, role, command, out::add, what);
  }

  private static void expectZero(RemoteShell shell, Role role, String command,
      Consumer<String> out, String what) throws SshException, RoleException {
    List<String> lines = new ArrayList<>();
    int status = shell.exec(command, line -> {
      lines.add(line);
      out.accept(line);
    });
    if (status != 0) {
      throw new RoleException("role " + role.name() + " on " + shell + ": " + what + " (exit "
          + status + (lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1)) + ")");
    }
  }

  private static String sha256(Role role, Path file) throws RoleException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new RoleException("role " + role.name() + ": cannot read artifact " + file + ": "
          + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Single-quotes a word for sh. */
  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
