package org.regatta.tosca.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.regatta.tosca.model.Value;

/** Writes templates into a folder and loads them. */
final class Fixture {

  static final String HEADER = "tosca_definitions_version: tosca_simple_yaml_1_0\n";
  static final String INDIGO =
      "https://raw.githubusercontent.com/indigo-dc/tosca-types/master/custom_types.yaml";

  private Fixture() {}

  static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoadResult load(Path file, String... inputs) {
    return load(ToscaLoader.defaults(), file, inputs);
  }

  static LoadResult load(ToscaLoader loader, Path file, String... inputs) {
    Map<String, Value> values = new LinkedHashMap<>();
    for (String spec : inputs) {
      int eq = spec.indexOf('=');
      values.put(spec.substring(0, eq), ToscaLoader.commandLineInput(spec.substring(eq + 1)));
    }
    return loader.load(file, values);
  }

  /** The repository's shared folder (INDIGO corpus), or null when it is absent. */
  static Path shared() {
    String p = System.getProperty("regatta.shared");
    Path dir = p == null ? Path.of("..", "..", "shared") : Path.of(p);
    return Files.isDirectory(dir.resolve("corpus/indigo")) ? dir.resolve("corpus/indigo") : null;
  }
}
