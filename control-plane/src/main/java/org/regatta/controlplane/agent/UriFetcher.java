package org.regatta.controlplane.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Mesos fetcher's job: downloads a task's {@code uris} (http, https, file or a plain path) into
 * its sandbox, marks them executable when asked, and extracts archives in place (tar through the
 * system {@code tar}, which strips absolute and {@code ..} member names; zip in Java, refusing
 * entries that would land outside the sandbox). The archive itself stays in the sandbox.
 */
public final class UriFetcher {

  private final HttpClient http;
  private final Duration timeout;

  public UriFetcher(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  public static UriFetcher withDefaults() {
    return new UriFetcher(HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10))
        .build(), Duration.ofMinutes(10));
  }

  /**
   * Fetches one URI into {@code sandbox} and returns the file it wrote. The exception's message
   * names the URI and what went wrong, ready for a task's status.
   */
  public Path fetch(FetchUri uri, Path sandbox) throws IOException {
    Path target = sandbox.resolve(uri.fileName());
    URI parsed = parse(uri.uri());
    String scheme = parsed.getScheme() == null ? "file" : parsed.getScheme();
    switch (scheme) {
      case "http", "https" -> download(parsed, target);
      case "file" ->
          copy(parsed.getScheme() == null ? Path.of(uri.uri()) : Path.of(parsed), target);
      default -> throw new IOException("fetching " + uri.uri() + ": scheme '" + scheme
          + "' is not supported (http, https, file or a path)");
    }
    if (uri.executable()) {
      Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(target));
      perms.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_EXECUTE));
      Files.setPosixFilePermissions(target, perms);
    }
    if (uri.extract()) {
      switch (uri.archiveKind()) {
        case TAR -> untar(uri, target, sandbox);
        case ZIP -> unzip(uri, target, sandbox);
        case NONE -> { }
      }
    }
    return target;
  }

  private static URI parse(String uri) throws IOException {
    try {
      return URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new IOException("fetching " + uri + ": not a valid URI (" + e.getMessage() + ")");
    }
  }

  private void download(URI uri, Path target) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    HttpResponse<Path> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("fetching " + uri + ": interrupted");
    } catch (IOException e) {
      throw new IOException("fetching " + uri + ": " + describe(e), e);
    }
    if (response.statusCode() / 100 != 2) {
      Files.deleteIfExists(target);
      throw new IOException("fetching " + uri + ": HTTP " + response.statusCode());
    }
  }

  private static void copy(Path source, Path target) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new IOException("fetching " + source + ": no such file");
    }
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void untar(FetchUri uri, Path archive, Path sandbox) throws IOException {
    Process tar = new ProcessBuilder("tar", "-xf", archive.toString(), "-C", sandbox.toString())
        .redirectErrorStream(true).start();
    tar.getOutputStream().close();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!tar.waitFor(10, TimeUnit.MINUTES)) {
        tar.destroyForcibly();
        throw new IOException("extracting " + uri.uri() + ": tar took longer than 10 minutes");
      }
    } catch (InterruptedException e) {
      tar.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("extracting " + uri.uri() + ": interrupted");
    }
    if (tar.exitValue() != 0) {
      throw new IOException("extracting " + uri.uri() + ": tar exited with status "
          + tar.exitValue() + ": " + output.strip());
    }
  }

  private static void unzip(FetchUri uri, Path archive, Path sandbox) throws IOException {
    Path root = sandbox.toAbsolutePath().normalize();
    try (InputStream file = Files.newInputStream(archive);
        ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root) || out.equals(root)) {
          throw new IOException("extracting " + uri.uri() + ": entry '" + entry.getName()
              + "' would land outside the sandbox");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
