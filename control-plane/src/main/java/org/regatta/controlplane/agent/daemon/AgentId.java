package org.regatta.controlplane.agent.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The agent's id: generated once per work directory and kept in {@code <workDir>/agent-id}, so an
 * agent that restarts on the same directory is the same agent to the masters.
 */
final class AgentId {

  static final String FILE = "agent-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

  private AgentId() {}

  /** Reads the id stored in {@code workDir}, or creates and stores a new one. */
  static String load(Path workDir) throws IOException {
    Path file = workDir.resolve(FILE);
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!VALID.matcher(id).matches()) {
        throw new IOException(file + " holds no valid agent id ('" + id + "'); delete it to get"
            + " a new one");
      }
      return id;
    }
    Files.createDirectories(workDir);
    String id = UUID.randomUUID().toString();
    Path temp = Files.createTempFile(workDir, FILE, ".tmp");
    Files.writeString(temp, id + "\n", StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    return id;
  }
}
