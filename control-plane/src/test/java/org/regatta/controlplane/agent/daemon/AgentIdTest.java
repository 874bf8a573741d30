package org.regatta.controlplane.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentIdTest {

  @Test
  void isGeneratedOnceAndKeptInTheWorkDir(@TempDir Path dir) throws IOException {
    Path work = dir.resolve("a/work");
    String id = AgentId.load(work);
    assertEquals(id, AgentId.load(work));
    assertEquals(id, Files.readString(work.resolve("agent-id")).strip());
    assertNotEquals(id, AgentId.load(dir.resolve("other")));
    try (var files = Files.list(work)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void aCorruptIdFileIsReportedNotReplaced(@TempDir Path work) throws IOException {
    Files.writeString(work.resolve("agent-id"), "not an id\n");
    IOException e = assertThrows(IOException.class, () -> AgentId.load(work));
    assertTrue(e.getMessage().contains("agent-id holds no valid agent id"), e.getMessage());
  }
}
