package org.regatta.orchestrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regatta.tosca.Problems;
import org.regatta.tosca.load.ImportCatalogue;
import org.regatta.tosca.load.LoadResult;
import org.regatta.tosca.load.ToscaLoader;
import org.regatta.tosca.model.Value;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a template takes: the file, inputs, import catalogue. */
final class TemplateOptions {

  @Parameters(index = "0", paramLabel = "FILE", description = "the TOSCA template")
  Path file;

  @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE",
      description = "an input value (repeatable)")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--inputs", paramLabel = "FILE", description = "a YAML file of name: value")
  Path inputsFile;

  @Option(names = "--lenient",
      description = "report unknown properties and keys as warnings, not errors")
  boolean lenient;

  @Option(names = "--import-map", paramLabel = "URL=FILE",
      description = "resolve an import URL to a local file (repeatable)")
  List<String> importMap = new ArrayList<>();

  @Option(names = "--import-catalogue", paramLabel = "FILE",
      description = "a file of 'URL: FILE' lines (default: ~/.config/regatta/imports.yaml "
          + "when it exists)")
  Path importCatalogue;

  @Option(names = "--allow-network-imports",
      description = "fetch import URLs that no catalogue entry maps (off by default)")
  boolean network;


  /** Loads the template again with these inputs as text (stored with a deployment). */
  LoadResult reload(CommandLine cli, Map<String, String> stored) {
    List<String> saved = inputs;
    Path savedFile = inputsFile;
    inputs = new ArrayList<>();
    stored.forEach((k, v) -> inputs.add(k + "=" + v));
    inputsFile = null;
    try {
      return load(cli);
    } finally {
      inputs = saved;
      inputsFile = savedFile;
    }
  }

  /** Loads the template; configuration errors become problems of the result. */
  LoadResult load(CommandLine cli) {
    ImportCatalogue.Builder catalogue = ImportCatalogue.builder().network(network);
    Path config = importCatalogue != null ? importCatalogue : defaultCatalogue();
    if (config != null) {
      catalogue.file(config);
    }
    importMap.forEach(catalogue::map);
    if (!catalogue.errors().isEmpty()) {
      throw new CommandLine.ParameterException(cli, String.join("; ", catalogue.errors()));
    }
    Problems inputProblems = new Problems(lenient);
    Map<String, Value> values = new LinkedHashMap<>();
    if (inputsFile != null) {
      values.putAll(ToscaLoader.inputsFile(inputsFile, inputProblems));
    }
    for (String spec : inputs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new CommandLine.ParameterException(cli, "-i expects NAME=VALUE, found '" + spec
            + "'");
      }
      values.put(spec.substring(0, eq), ToscaLoader.commandLineInput(spec.substring(eq + 1)));
    }
    LoadResult r = new ToscaLoader(catalogue.build(), lenient).load(file, values);
    if (inputProblems.all().isEmpty()) {
      return r;
    }
    List<org.regatta.tosca.Problem> all = new ArrayList<>(inputProblems.all());
    all.addAll(r.problems());
    return new LoadResult(r.template(), r.types(), r.inputs(), r.topology(), all);
  }

  private static Path defaultCatalogue() {
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".config");
    Path p = base.resolve("regatta").resolve("imports.yaml");
    return Files.isRegularFile(p) ? p : null;
  }
}
