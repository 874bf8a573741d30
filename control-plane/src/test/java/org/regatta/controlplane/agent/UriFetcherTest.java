package org.regatta.controlplane.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UriFetcherTest {

  @TempDir Path dir;
  private FileServer server;
  private Path sandbox;
  private final UriFetcher fetcher = UriFetcher.withDefaults();

  @BeforeEach
  void setUp() throws IOException {
    server = new FileServer();
    sandbox = Files.createDirectories(dir.resolve("sandbox"));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** A .tar.gz made by the system tar, holding {@code app/bin/run.sh} and {@code app/VERSION}. */
  static byte[] tarGz(Path scratch) throws IOException, InterruptedException {
    Path src = Files.createDirectories(scratch.resolve("src/app/bin"));
    Files.writeString(src.resolve("run.sh"), "echo from-the-archive\n");
    Files.writeString(src.getParent().resolve("VERSION"), "1.2.3\n");
    Path archive = scratch.resolve("app.tar.gz");
    Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C",
        scratch.resolve("src").toString(), "app").inheritIO().start();
    assertEquals(0, tar.waitFor());
    return Files.readAllBytes(archive);
  }

  static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void aTarGzIsDownloadedAndExtracted() throws Exception {
    server.put("/dist/app.tar.gz", tarGz(dir));
    Path file = fetcher.fetch(FetchUri.of(server.url("/dist/app.tar.gz")), sandbox);
    assertEquals(sandbox.resolve("app.tar.gz"), file);
    assertTrue(Files.isRegularFile(file), "the archive stays");
    assertEquals("1.2.3\n", Files.readString(sandbox.resolve("app/VERSION")));
    assertTrue(Files.isRegularFile(sandbox.resolve("app/bin/run.sh")));
  }

  @Test
  void extractCanBeTurnedOff() throws Exception {
    server.put("/app.tgz", tarGz(dir));
    fetcher.fetch(FetchUri.of(server.url("/app.tgz")).withoutExtract(), sandbox);
    assertTrue(Files.exists(sandbox.resolve("app.tgz")));
    assertFalse(Files.exists(sandbox.resolve("app")));
  }

  @Test
  void aZipIsExtracted() throws Exception {
    server.put("/site.zip", zip("site/index.html", "<h1>hi</h1>"));
    fetcher.fetch(FetchUri.of(server.url("/site.zip")), sandbox);
    assertEquals("<h1>hi</h1>", Files.readString(sandbox.resolve("site/index.html")));
  }

  @Test
  void aZipEntryOutsideTheSandboxIsRefused() throws Exception {
    server.put("/evil.zip", zip("../../escaped.txt", "x"));
    IOException e = assertThrows(IOException.class,
        () -> fetcher.fetch(FetchUri.of(server.url("/evil.zip")), sandbox));
    assertTrue(e.getMessage().contains("outside the sandbox"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("escaped.txt")));
  }

  @Test
  void executableAndOutputFileAreHonoured() throws Exception {
    server.put("/tools/run", "#!/bin/sh\necho ok\n".getBytes(StandardCharsets.UTF_8));
    Path file = fetcher.fetch(
        FetchUri.of(server.url("/tools/run")).asExecutable().withOutputFile("start.sh"), sandbox);
    assertEquals(sandbox.resolve("start.sh"), file);
    assertTrue(Files.isExecutable(file));
  }

  @Test
  void aMissingFileFailsWithTheStatus() {
    IOException e = assertThrows(IOException.class,
        () -> fetcher.fetch(FetchUri.of(server.url("/nope.tar.gz")), sandbox));
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertTrue(e.getMessage().contains("/nope.tar.gz"), e.getMessage());
    assertFalse(Files.exists(sandbox.resolve("nope.tar.gz")));
  }

  @Test
  void localFilesAreCopiedAndOtherSchemesRefused() throws Exception {
    Path local = Files.writeString(dir.resolve("config.json"), "{}");
    fetcher.fetch(FetchUri.of(local.toUri().toString()), sandbox);
    assertEquals("{}", Files.readString(sandbox.resolve("config.json")));
    Files.delete(sandbox.resolve("config.json"));
    fetcher.fetch(FetchUri.of(local.toString()), sandbox);
    assertEquals("{}", Files.readString(sandbox.resolve("config.json")));

    IOException e = assertThrows(IOException.class,
        () -> fetcher.fetch(FetchUri.of("hdfs://namenode/data.csv"), sandbox));
    assertTrue(e.getMessage().contains("not supported"), e.getMessage());
  }

  @Test
  void aCorruptArchiveFailsWithTarsWords() throws Exception {
    server.put("/broken.tar.gz", "not gzip at all".getBytes(StandardCharsets.UTF_8));
    IOException e = assertThrows(IOException.class,
        () -> fetcher.fetch(FetchUri.of(server.url("/broken.tar.gz")), sandbox));
    assertTrue(e.getMessage().startsWith("extracting "), e.getMessage());
    assertTrue(e.getMessage().contains("tar exited"), e.getMessage());
  }
}
