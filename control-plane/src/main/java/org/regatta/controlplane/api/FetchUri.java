package org.regatta.controlplane.api;

import java.util.List;
import java.util.Locale;

/** One {@code fetch} entry: downloaded into the task's sandbox before it starts. */
public record FetchUri(
    String uri, Boolean extract, Boolean executable, Boolean cache, String outputFile) {

  private static final List<String> ARCHIVES =
      List.of(".tgz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz", ".zip");

  /** How Marathon turns a deprecated {@code uris} entry into a fetch entry: archives extracted. */
  public static FetchUri fromUri(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    boolean archive = ARCHIVES.stream().anyMatch(lower::endsWith);
    return new FetchUri(uri, archive, false, false, null);
  }

  FetchUri withDefaults() {
    return new FetchUri(
        uri,
        extract == null ? Boolean.TRUE : extract,
        executable == null ? Boolean.FALSE : executable,
        cache == null ? Boolean.FALSE : cache,
        outputFile);
  }
}
