package org.regatta.tosca.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves import URLs offline: URL → a bundled file or a user-configured local file. A URL with no
 * entry is an error unless the user enabled network imports.
 */
public final class ImportCatalogue {

  /** INDIGO's type catalogue on any branch resolves to our own INDIGO-compatible types. */
  public static final Pattern INDIGO_TYPES = Pattern.compile(
      "https?://raw\\.githubusercontent\\.com/indigo-dc/tosca-types/[^/]+/custom_types\\.ya?ml");
  public static final String INDIGO_RESOURCE = "org/regatta/tosca/indigo-types.yaml";

  private final Map<String, Path> userEntries;
  private final boolean bundled;
  private final boolean network;

  private ImportCatalogue(Map<String, Path> userEntries, boolean bundled, boolean network) {
    this.userEntries = Map.copyOf(userEntries);
    this.bundled = bundled;
    this.network = network;
  }

  /** The bundled entries only: what a template gets with no configuration. */
  public static ImportCatalogue defaults() {
    return new ImportCatalogue(Map.of(), true, false);
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isUrl(String ref) {
    return ref.matches("(?i)[a-z][a-z0-9+.-]*://.*");
  }

  /** The source for a URL, or null with {@code why} filled in. */
  Source resolve(String url, List<String> why) {
    Path user = userEntries.get(url);
    if (user == null) {
      // an entry for the INDIGO URL on one branch serves the others too
      for (Map.Entry<String, Path> e : userEntries.entrySet()) {
        if (INDIGO_TYPES.matcher(e.getKey()).matches() && INDIGO_TYPES.matcher(url).matches()) {
          user = e.getValue();
        }
      }
    }
    if (user != null) {
      if (!Files.isRegularFile(user)) {
        why.add("the catalogue maps it to " + user + ", which does not exist");
        return null;
      }
      return Source.file(user);
    }
    if (bundled && INDIGO_TYPES.matcher(url).matches()) {
      return Source.resource(INDIGO_RESOURCE);
    }
    if (network) {
      return fetch(url, why);
    }
    why.add("no import catalogue entry maps it to a local file, and network imports are off"
        + " (map it with --import-map URL=FILE or an --import-catalogue file)");
    return null;
  }

  private static Source fetch(String url, List<String> why) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() / 100 != 2) {
        why.add("fetching it answered HTTP " + r.statusCode());
        return null;
      }
      return Source.fetched(url, r.body());
    } catch (IOException | IllegalArgumentException e) {
      why.add("fetching it failed: " + e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      why.add("fetching it was interrupted");
      return null;
    }
  }

  public static final class Builder {
    private final Map<String, Path> entries = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private boolean network;

    /** {@code URL=FILE}, as given to {@code --import-map}. */
    public Builder map(String spec) {
      int eq = spec.lastIndexOf('=');
      if (eq <= 0 || eq == spec.length() - 1) {
        errors.add("--import-map expects URL=FILE, found '" + spec + "'");
      } else {
        entries.put(spec.substring(0, eq).trim(), Path.of(spec.substring(eq + 1).trim()));
      }
      return this;
    }

    public Builder map(String url, Path file) {
      entries.put(url, file);
      return this;
    }

    /**
     * A catalogue file: one {@code URL: FILE} (or {@code URL = FILE}) per line, '#' comments;
     * relative files are relative to the catalogue file.
     */
    public Builder file(Path catalogue) {
      List<String> lines;
      try {
        lines = Files.readAllLines(catalogue, StandardCharsets.UTF_8);
      } catch (IOException e) {
        errors.add("cannot read import catalogue " + catalogue + ": " + e.getMessage());
        return this;
      }
      Path dir = catalogue.toAbsolutePath().getParent();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int sep = Math.max(line.lastIndexOf(": "), line.lastIndexOf(" = "));
        if (sep <= 0) {
          errors.add(catalogue + ":" + (i + 1) + ": expected 'URL: FILE', found '" + line + "'");
          continue;
        }
        String url = line.substring(0, sep).strip();
        Path file = Path.of(line.substring(sep + 2).strip().replaceFirst("^= *", ""));
        entries.put(url, file.isAbsolute() ? file : dir.resolve(file).normalize());
      }
      return this;
    }

    public Builder network(boolean allow) {
      this.network = allow;
      return this;
    }

    /** Problems found while reading the configuration, for the CLI to report. */
    public List<String> errors() {
      return List.copyOf(errors);
    }

    public ImportCatalogue build() {
      return new ImportCatalogue(entries, true, network);
    }
  }
}
