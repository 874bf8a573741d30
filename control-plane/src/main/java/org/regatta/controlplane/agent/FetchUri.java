package org.regatta.controlplane.agent;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a task's {@code fetch} list, as Marathon defines it: the resource is downloaded into
 * the sandbox, archives are extracted there when {@code extract} is set, and the file is made
 * executable when {@code executable} is set. {@code outputFile} renames it (null: the URI's last
 * path segment).
 */
public record FetchUri(String uri, boolean executable, boolean extract, String outputFile) {

  private static final List<String> TAR_SUFFIXES =
      List.of(".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tbz2", ".tar.xz", ".txz");

  public FetchUri {
    Objects.requireNonNull(uri, "uri");
    if (uri.isBlank()) {
      throw new IllegalArgumentException("a fetch uri must not be blank");
    }
    if (outputFile != null && (outputFile.isBlank() || outputFile.contains("/")
        || outputFile.equals(".") || outputFile.equals(".."))) {
      throw new IllegalArgumentException(
          "fetch outputFile must be a plain file name, got '" + outputFile + "'");
    }
  }

  /** Marathon's defaults: extract archives, not executable. */
  public static FetchUri of(String uri) {
    return new FetchUri(uri, false, true, null);
  }

  public FetchUri asExecutable() {
    return new FetchUri(uri, true, extract, outputFile);
  }

  public FetchUri withoutExtract() {
    return new FetchUri(uri, executable, false, outputFile);
  }

  public FetchUri withOutputFile(String name) {
    return new FetchUri(uri, executable, extract, name);
  }

  /** The file name in the sandbox: {@code outputFile}, else the last segment of the URI's path. */
  public String fileName() {
    if (outputFile != null) {
      return outputFile;
    }
    String path;
    try {
      path = URI.create(uri).getPath();
    } catch (IllegalArgumentException e) {
      path = uri;
    }
    if (path == null || path.isEmpty()) {
      path = uri;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "fetch uri " + uri + " names no file; give it an outputFile");
    }
    return name;
  }

  /** Whether the file is an archive this agent extracts (.tar.gz, .tgz, .tar, .tar.bz2, .zip…). */
  public boolean isArchive() {
    return archiveKind() != ArchiveKind.NONE;
  }

  ArchiveKind archiveKind() {
    String name = fileName().toLowerCase(Locale.ROOT);
    if (name.endsWith(".zip")) {
      return ArchiveKind.ZIP;
    }
    return TAR_SUFFIXES.stream().anyMatch(name::endsWith) ? ArchiveKind.TAR : ArchiveKind.NONE;
  }

  enum ArchiveKind { NONE, TAR, ZIP }
}
