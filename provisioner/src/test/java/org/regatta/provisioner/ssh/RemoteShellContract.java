package org.regatta.provisioner.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link RemoteShell} does, run once per backend: the SSH shell against an in-JVM
 * server, and the local stand-in that role tests use. The "node" is this machine, so uploads are
 * checked on the local file system.
 */
abstract class RemoteShellContract {

  @TempDir
  Path tmp;

  /** A fresh shell on the backend under test. */
  abstract RemoteShell open() throws Exception;

  @Test
  void execReturnsTheExitStatus() throws Exception {
    try (RemoteShell shell = open()) {
      assertEquals(0, shell.exec("true", l -> { }));
      assertEquals(3, shell.exec("exit 3", l -> { }));
      assertEquals(127, shell.exec("no-such-command-here 2>/dev/null", l -> { }));
    }
  }

  @Test
  void execHandsOverStdoutAndStderrLineByLine() throws Exception {
    try (RemoteShell shell = open()) {
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      assertEquals(0, shell.exec("printf 'one\\ntwo\\r\\nlast'", lines::add));
      assertEquals(List.of("one", "two", "last"), lines);

      lines.clear();
      assertEquals(0, shell.exec("echo to-out; echo to-err >&2; echo 'ünï'", lines::add));
      assertEquals(List.of("to-err", "to-out", "ünï"), lines.stream().sorted().toList());
    }
  }

  @Test
  void stdinIsAtEndOfFile() throws Exception {
    try (RemoteShell shell = open()) {
      List<String> lines = new ArrayList<>();
      assertEquals(0, shell.exec("cat; echo done", lines::add));
      assertEquals(List.of("done"), lines);
    }
  }

  @Test
  void execStreamsWhileTheCommandRuns() throws Exception {
    try (RemoteShell shell = open()) {
      CompletableFuture<String> first = new CompletableFuture<>();
      Path gate = tmp.resolve("gate");
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
        try {
          return shell.exec("echo started; while [ ! -e " + gate + " ]; do sleep 0.02; done",
              first::complete);
        } catch (SshException e) {
          throw new IllegalStateException(e);
        }
      });
      // the first line arrives while the command still waits for us
      assertEquals("started", first.get(10, TimeUnit.SECONDS));
      Files.createFile(gate);
      assertEquals(0, run.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void anUploadWhileACommandPrintsFinishesBoth() throws Exception {
    try (RemoteShell shell = open()) {
      List<String> lines = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
        try {
          return shell.exec("i=0; while [ $i -lt 200 ]; do echo line $i; i=$((i+1)); done",
              line -> {
                lines.add(line);
                try {
                  Thread.sleep(1); // a slow reader: output keeps arriving during the uploads
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
        } catch (SshException e) {
          throw new IllegalStateException(e);
        }
      });
      for (int i = 0; i < 5; i++) {
        shell.upload(new byte[10_000], tmp.resolve("par/f" + i).toString(), 0644);
      }
      assertEquals(0, run.get(20, TimeUnit.SECONDS));
      assertEquals(200, lines.size());
      assertEquals(5, names(tmp.resolve("par")).size());
    }
  }

  @Test
  void uploadWritesWithModeCreatesParentsAndReplaces() throws Exception {
    Path remote = tmp.resolve("remote/a/b/app.conf");
    try (RemoteShell shell = open()) {
      shell.upload("v1\n".getBytes(StandardCharsets.UTF_8), remote.toString(), 0640);
      assertEquals("v1\n", Files.readString(remote));
      assertEquals("rw-r-----", mode(remote));

      shell.upload("v2\n".getBytes(StandardCharsets.UTF_8), remote.toString(), 0600);
      assertEquals("v2\n", Files.readString(remote));
      assertEquals("rw-------", mode(remote));
      assertEquals(List.of("app.conf"), names(remote.getParent()));
    }
  }

  @Test
  void uploadCopiesALocalFile() throws Exception {
    Path local = tmp.resolve("local.jar");
    byte[] content = new byte[300_000];
    new java.util.Random(7).nextBytes(content);
    Files.write(local, content);
    Path remote = tmp.resolve("remote/lib/x.jar");
    try (RemoteShell shell = open()) {
      shell.upload(local, remote.toString(), 0755);
      assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(remote)));
      assertEquals("rwxr-xr-x", mode(remote));
    }
  }

  @Test
  void aFailedUploadNamesPathAndShell() throws Exception {
    try (RemoteShell shell = open()) {
      SshException e = assertThrows(SshException.class,
          () -> shell.upload(new byte[1], "/proc/regatta-cannot-write-here", 0644));
      assertEquals(SshException.Reason.IO, e.reason());
      assertTrue(e.getMessage().startsWith("upload to /proc/regatta-cannot-write-here on "
          + shell + " failed: "), e.getMessage());
    }
  }

  static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  static List<String> names(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
