package org.regatta.tosca.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.tosca.model.TypeKind;

/** Imports: relative files, the bundled catalogue, a user catalogue, and opt-in fetching. */
class ImportsTest {

  private static final String TYPES = Fixture.HEADER + """
      node_types:
        my.nodes.Thing:
          derived_from: tosca.nodes.Root
          properties:
            size: { type: integer, default: 1 }
      """;
  private static final String USES = Fixture.HEADER + """
      imports:
        - %s
      topology_template:
        node_templates:
          t:
            type: my.nodes.Thing
            properties: { size: 3 }
      """;

  @TempDir
  Path dir;

  @Test
  void relativeImportAndDiamondLoadOnce() throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Fixture.write(dir, "lib/types.yaml", TYPES);
    Fixture.write(dir, "lib/more.yaml", Fixture.HEADER + "imports: [ types.yaml ]\n");
    Path main = Fixture.write(dir, "main.yaml", USES.formatted("lib/types.yaml")
        .replace("imports:\n", "imports:\n  - lib/more.yaml\n"));
    LoadResult r = Fixture.load(main);
    assertTrue(r.ok(), r.errors()::toString);
    assertTrue(r.types().has(TypeKind.NODE, "my.nodes.Thing"));
  }

  @Test
  void indigoUrlResolvesToBundledTypesOnEveryBranch() {
    for (String branch : new String[] {"master", "devel", "v5.0.0"}) {
      String url = Fixture.INDIGO.replace("/master/", "/" + branch + "/");
      Path main = Fixture.write(dir, "m.yaml", Fixture.HEADER + "imports:\n  - " + url + "\n");
      LoadResult r = Fixture.load(main);
      assertTrue(r.ok(), r.errors()::toString);
      assertTrue(r.types().has(TypeKind.NODE, "tosca.nodes.indigo.MesosMaster"));
    }
  }

  @Test
  void userCatalogueFileMapsUrlsToLocalFiles() {
    Fixture.write(dir, "types.yaml", TYPES);
    Path catalogue = Fixture.write(dir, "imports.yaml",
        "# my mirror\nhttps://example.org/types.yaml: types.yaml\n");
    Path main = Fixture.write(dir, "main.yaml", USES.formatted("https://example.org/types.yaml"));
    ImportCatalogue.Builder b = ImportCatalogue.builder().file(catalogue);
    assertTrue(b.errors().isEmpty(), b.errors()::toString);
    LoadResult r = new ToscaLoader(b.build(), false).load(main, Map.of());
    assertTrue(r.ok(), r.errors()::toString);
  }

  @Test
  void catalogueEntryToAMissingFileSaysSo() {
    Path main = Fixture.write(dir, "main.yaml", USES.formatted("https://example.org/t.yaml"));
    LoadResult r = new ToscaLoader(ImportCatalogue.builder()
        .map("https://example.org/t.yaml=" + dir.resolve("gone.yaml")).build(), false)
        .load(main, Map.of());
    assertTrue(r.errors().get(0).message().contains("gone.yaml, which does not exist"),
        r.errors()::toString);
  }

  @Test
  void networkImportsOnlyWhenAllowed() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/types.yaml", ex -> {
      byte[] body = TYPES.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/types.yaml";
      Path main = Fixture.write(dir, "main.yaml", USES.formatted(url));
      LoadResult off = Fixture.load(main);
      assertEquals(1, off.errors().size(), off.errors()::toString);
      assertTrue(off.errors().get(0).message().contains("network imports are off"));
      LoadResult on = new ToscaLoader(ImportCatalogue.builder().network(true).build(), false)
          .load(main, Map.of());
      assertTrue(on.ok(), on.errors()::toString);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void brokenImportedFileGivesItsOwnErrorOnly() {
    Fixture.write(dir, "types.yaml", Fixture.HEADER + "node_types: [oops\n");
    Path main = Fixture.write(dir, "main.yaml", USES.formatted("types.yaml"));
    LoadResult r = Fixture.load(main);
    assertEquals(1, r.errors().size(), r.errors()::toString);
    assertTrue(r.errors().get(0).mark().file().endsWith("types.yaml"));
    assertTrue(r.errors().get(0).message().startsWith("YAML syntax error"));
  }
}
