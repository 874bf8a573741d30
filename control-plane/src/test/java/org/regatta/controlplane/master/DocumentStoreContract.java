package org.regatta.controlplane.master;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every state backend of the master must do. */
abstract class DocumentStoreContract {

  abstract DocumentStore store() throws Exception;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void documentsRoundTripByCollectionAndKey() throws Exception {
    DocumentStore s = store();
    s.put("apps", "/web/api", b("{\"id\":\"/web/api\"}"));
    s.put("apps", "/db", b("{}"));
    s.put("tasks", "t1", b("x"));
    assertArrayEquals(b("{\"id\":\"/web/api\"}"), s.get("apps", "/web/api").orElseThrow().data());
    assertEquals(List.of("/db", "/web/api"), s.list("apps").stream()
        .map(DocumentStore.Document::key).toList());
    assertTrue(s.get("apps", "/nope").isEmpty());
    assertTrue(s.list("nothing").isEmpty());
    s.delete("apps", "/db");
    s.delete("apps", "/db");
    assertEquals(1, s.list("apps").size());
  }

  @Test
  void conditionalWritesLetOnlyOneWriterWin() throws Exception {
    DocumentStore s = store();
    assertTrue(s.putIf("runs", "job@1", b("a"), -1));
    assertFalse(s.putIf("runs", "job@1", b("b"), -1), "created twice");
    int v = s.get("runs", "job@1").orElseThrow().version();
    assertTrue(s.putIf("runs", "job@1", b("c"), v));
    assertFalse(s.putIf("runs", "job@1", b("d"), v), "a stale version wrote");
    assertArrayEquals(b("c"), s.get("runs", "job@1").orElseThrow().data());
  }
}
