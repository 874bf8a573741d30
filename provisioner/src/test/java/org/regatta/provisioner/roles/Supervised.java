package org.regatta.provisioner.roles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Test cleanup: ends every supervisor (and its service) a test started under a scratch root. */
final class Supervised {

  private Supervised() {}

  static Optional<ProcessHandle> process(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String pid = Files.readString(pidFile).strip();
    return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid));
  }

  /** Alive and not a zombie (init here may take a second to reap orphans). */
  static boolean running(ProcessHandle p) {
    try {
      return p.isAlive() && Files.size(Path.of("/proc/" + p.pid() + "/cmdline")) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  static void stopAll(Path root) throws IOException, InterruptedException {
    Path run = root.resolve("var/lib/regatta/run");
    if (!Files.isDirectory(run)) {
      return;
    }
    List<ProcessHandle> supervisors = new ArrayList<>();
    List<ProcessHandle> services = new ArrayList<>();
    try (Stream<Path> files = Files.list(run)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
        process(f).ifPresent(f.toString().endsWith(".supervisor.pid") ? supervisors::add
            : services::add);
      }
    }
    supervisors.forEach(ProcessHandle::destroy); // TERM: the supervisor stops its service
    for (ProcessHandle p : supervisors) {
      for (int i = 0; i < 500 && running(p); i++) {
        Thread.sleep(20);
      }
      p.destroyForcibly();
    }
    services.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
