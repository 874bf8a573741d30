package org.regatta.tosca.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a template file's text comes from: a file on disk, a resource bundled in the jar, or (when
 * the user allows it) a URL. {@code id} identifies it for import cycles and de-duplication.
 */
public record Source(String id, String display, Path file, String resource, String text) {

  public static Source file(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return new Source("file:" + abs, path.toString(), abs, null, null);
  }

  public static Source resource(String resource) {
    return new Source("bundled:" + resource, "bundled:" + resource, null, resource, null);
  }

  public static Source fetched(String url, String text) {
    return new Source(url, url, null, null, text);
  }

  String read() throws IOException {
    if (text != null) {
      return text;
    }
    if (file != null) {
      return Files.readString(file, StandardCharsets.UTF_8);
    }
    try (InputStream in = Source.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("bundled file " + resource + " is missing from the distribution");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A relative import resolved against this source's folder; null for fetched sources. */
  Source relative(String name) {
    if (file != null) {
      Path dir = file.getParent();
      return file(dir == null ? Path.of(name) : dir.resolve(name));
    }
    if (resource != null) {
      int slash = resource.lastIndexOf('/');
      String base = slash < 0 ? "" : resource.substring(0, slash + 1);
      return resource(Path.of(base + name).normalize().toString().replace('\\', '/'));
    }
    return null;
  }
}
