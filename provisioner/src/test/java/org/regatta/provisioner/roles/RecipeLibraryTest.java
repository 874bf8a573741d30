package org.regatta.provisioner.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.provisioner.ssh.LocalShell;
import org.regatta.provisioner.ssh.SshException;

/**
 * lib.sh and regatta-supervise run by /bin/sh on this machine, in a scratch root: idempotent
 * installs, and a supervised service that is started once, kept, restarted on crash and on change.
 */
class RecipeLibraryTest {

  @TempDir
  Path tmp;

  private Path root;
  private Path stage;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("root"));
    stage = Files.createDirectories(tmp.resolve("stage"));
    for (String f : List.of("lib.sh", "regatta-supervise")) {
      Files.writeString(stage.resolve(f), Template.resource(f).text());
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    Supervised.stopAll(root);
  }

  /** Runs a snippet after sourcing lib.sh, as recipe.sh does; returns its lines + "exit N". */
  private List<String> sh(String body, String dirty) throws SshException {
    List<String> out = new ArrayList<>();
    LocalShell shell = new LocalShell(Map.of("REGATTA_ROOT", root.toString(),
        "REGATTA_INIT", "supervisor", "REGATTA_DIRTY", dirty));
    String script = stage.resolve("snippet.sh").toString();
    try {
      Files.writeString(Path.of(script), ". \"$(dirname \"$0\")/lib.sh\"\n" + body + "\n");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int status = shell.exec("sh " + RoleRunner.quote(script), out::add);
    out.add("exit " + status);
    return out;
  }

  @Test
  void putFileChangesOnlyWhatDiffers() throws Exception {
    Files.writeString(stage.resolve("a.cfg"), "x=1\n");
    String dest = root + "/etc/regatta/a/a.cfg";
    String put = "put_file svc \"$STAGE/a.cfg\" \"$R/etc/regatta/a/a.cfg\" 0640\n"
        + "if is_dirty svc; then echo dirty; else echo clean; fi";

    assertEquals(List.of("changed: " + dest, "dirty", "exit 0"), sh(put, ""));
    assertEquals(List.of("unchanged: " + dest, "clean", "exit 0"), sh(put, ""));
    assertEquals("x=1\n", Files.readString(Path.of(dest)));

    Files.setPosixFilePermissions(Path.of(dest),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    assertEquals(List.of("changed: " + dest, "dirty", "exit 0"), sh(put, ""));
    Files.writeString(stage.resolve("a.cfg"), "x=2\n");
    assertEquals(List.of("changed: " + dest, "dirty", "exit 0"), sh(put, ""));
    assertEquals(List.of("unchanged: " + dest, "dirty", "exit 0"), sh(put, "other svc"));
  }

  @Test
  void ensureDirAndFailures() throws Exception {
    String dir = root + "/var/lib/regatta/x";
    assertEquals(List.of("changed: " + dir + "/", "exit 0"),
        sh("ensure_dir \"$R/var/lib/regatta/x\" 0750", ""));
    assertEquals(List.of("unchanged: " + dir + "/", "exit 0"),
        sh("ensure_dir \"$R/var/lib/regatta/x\" 0750", ""));
    assertEquals(List.of("error: no-such-tool is not installed on this node (the node image should"
        + " carry it)", "exit 1"), sh("require_command no-such-tool\necho not reached", ""));
  }

  @Test
  void aSupervisedServiceStartsOnceRestartsOnCrashAndOnChange() throws Exception {
    Path runs = root.resolve("runs");
    Path runFile = root.resolve("etc/regatta/services/s.run");
    Files.createDirectories(runFile.getParent());
    Files.writeString(runFile, "echo run >> " + runs + "\nexec sleep 120\n");
    Path pidFile = root.resolve("var/lib/regatta/run/s.pid");
    Path supervisorPid = root.resolve("var/lib/regatta/run/s.supervisor.pid");
    String supervisor = root + "/usr/local/lib/regatta/regatta-supervise";

    List<String> first = sh("service s", "");
    assertEquals(List.of("changed: " + supervisor, "changed: service s started (regatta-supervise)",
        "exit 0"), first);
    ProcessHandle child = await(pidFile);
    long sup = Supervised.process(supervisorPid).orElseThrow().pid();

    assertEquals(List.of("unchanged: " + supervisor, "unchanged: service s running"
        + " (regatta-supervise pid " + sup + ")", "exit 0"), sh("service s", ""));
    assertTrue(child.isAlive());

    // crash: the supervisor starts it again (after its 1 s pause)
    child.destroyForcibly();
    ProcessHandle second = awaitOther(pidFile, child.pid());
    // the pid file names the new process before its script has written its line: wait for it
    for (int i = 0; i < 250 && Files.readAllLines(runs, StandardCharsets.UTF_8).size() < 2; i++) {
      Thread.sleep(20);
    }
    assertEquals(List.of("run", "run"), Files.readAllLines(runs, StandardCharsets.UTF_8));
    assertTrue(Files.readString(root.resolve("var/log/regatta/s.log"))
        .contains("s exited with status 137; restarting in 1s"));

    // changed inputs: a new supervisor and a new process
    assertEquals(List.of("unchanged: " + supervisor,
        "changed: service s restarted (regatta-supervise)", "exit 0"), sh("service s", "s"));
    ProcessHandle third = awaitOther(pidFile, second.pid());
    assertTrue(!Supervised.running(second));
    assertNotEquals(sup, Supervised.process(supervisorPid).orElseThrow().pid());

    assertEquals(List.of("exit 0"), sh("stop_supervised s", ""));
    assertTrue(!Supervised.running(third) && Files.notExists(pidFile) && Files.notExists(supervisorPid));
  }

  private static ProcessHandle await(Path pidFile) throws Exception {
    return awaitOther(pidFile, -1);
  }

  /** Waits (at most 10 s) for the pid file to name a live process other than {@code old}. */
  private static ProcessHandle awaitOther(Path pidFile, long old) throws Exception {
    for (int i = 0; i < 200; i++) {
      Optional<ProcessHandle> p = Supervised.process(pidFile);
      if (p.isPresent() && p.get().pid() != old && p.get().isAlive()) {
        return p.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no new process in " + pidFile);
  }
}
