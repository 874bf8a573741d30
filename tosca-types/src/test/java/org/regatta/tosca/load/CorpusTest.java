package org.regatta.tosca.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.regatta.tosca.model.PropertyDef;

/**
 * The real INDIGO templates of ../shared/corpus/indigo: with INDIGO's own catalogue mapped in,
 * and (for those that use only what Regatta implements) with our bundled types alone.
 */
class CorpusTest {

  /** The one corpus template with real mistakes: a key its node template cannot have. */
  static final String MISTAKEN = "lifewatch-algaebloom.yaml";

  static Path corpus;

  @BeforeAll
  static void findCorpus() {
    corpus = Fixture.shared();
    if (corpus == null) {
      System.err.println("SKIPPED CorpusTest: ../shared/corpus/indigo is absent (set "
          + "-Dregatta.shared to the shared folder to run these tests)");
    }
    Assumptions.assumeTrue(corpus != null, "../shared/corpus/indigo is absent");
  }

  /** Every corpus template but the catalogue itself and the mistaken one (tested below). */
  static Stream<String> templates() throws IOException {
    Path dir = Fixture.shared();
    if (dir == null) {
      return Stream.of("(corpus absent)");
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(p -> p.toString().matches(".*\\.ya?ml$"))
          .filter(p -> !p.getFileName().toString().equals("custom_types.yaml"))
          .filter(p -> !p.getFileName().toString().equals(MISTAKEN))
          .forEach(p -> out.add(dir.relativize(p).toString()));
    }
    out.sort(null);
    return out.stream();
  }

  static ToscaLoader withIndigoCatalogue(boolean lenient) {
    return new ToscaLoader(ImportCatalogue.builder()
        .map(Fixture.INDIGO, corpus.resolve("custom_types.yaml")).build(), lenient);
  }

  /** A plausible value for each required input without a default, by its type. */
  static String[] inputsFor(Path file, ToscaLoader loader) {
    LoadResult bare = loader.load(file, java.util.Map.of());
    List<String> out = new ArrayList<>();
    if (bare.template() != null && bare.template().topology() != null) {
      for (PropertyDef d : bare.template().topology().inputs().values()) {
        if (d.required() && d.defaultValue() == null && !d.generatedSecret()) {
          out.add(d.name() + "=" + switch (d.type()) {
            case "integer" -> "1";
            case "float" -> "1.5";
            case "boolean" -> "true";
            case "scalar-unit.size" -> "1 GB";
            case "version" -> "1.0";
            case "list" -> "[a, b]";
            case "map" -> "{a: b}";
            default -> "value-of-" + d.name();
          });
        }
      }
    }
    return out.toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void loadsStrictWithIndigoCatalogue(String name) {
    Path file = corpus.resolve(name);
    ToscaLoader loader = withIndigoCatalogue(false);
    LoadResult r = Fixture.load(loader, file, inputsFor(file, loader));
    assertTrue(r.ok(), () -> name + ": " + r.errors());
    assertTrue(r.topology() != null && !r.topology().nodeTemplates().isEmpty());
  }

  @Test
  void indigoCatalogueItselfLoadsWithAllItsTypes() {
    LoadResult r = ToscaLoader.defaults().load(corpus.resolve("custom_types.yaml"),
        java.util.Map.of());
    assertTrue(r.ok(), () -> r.errors().toString());
    long indigoNodeTypes = r.types().names(org.regatta.tosca.model.TypeKind.NODE).stream()
        .filter(n -> n.startsWith("tosca.nodes.indigo.")).count();
    assertTrue(indigoNodeTypes > 50, "INDIGO node types seen: " + indigoNodeTypes);
    // the catalogue repeats a key once; it loads, with a warning naming the line
    assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("duplicate key")),
        r.warnings()::toString);
  }

  @Test
  void mistakenTemplateFailsStrictAndLoadsLenientWithAWarningNamingIt() {
    Path file = corpus.resolve(MISTAKEN);
    ToscaLoader strict = withIndigoCatalogue(false);
    LoadResult s = Fixture.load(strict, file, inputsFor(file, strict));
    assertEquals(1, s.errors().size(), s.errors()::toString);
    assertTrue(s.errors().get(0).message().contains("unknown key 'scalable'"));
    ToscaLoader lenient = withIndigoCatalogue(true);
    LoadResult l = Fixture.load(lenient, file, inputsFor(file, lenient));
    assertTrue(l.ok(), () -> l.errors().toString());
    assertTrue(l.warnings().stream().anyMatch(w -> w.message().contains("'scalable'")
        && w.path().equals("topology_template.node_templates.docker_runtime.scalable")),
        l.warnings()::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mesos_cluster.yaml", "indigo_marathon_app.yaml",
      "orchestrator-golden/marathon_app.yaml", "orchestrator-golden/chronos_2_jobs.yaml"})
  void loadsWithBundledTypesAlone(String name) {
    Path file = corpus.resolve(name);
    ToscaLoader loader = ToscaLoader.defaults();
    LoadResult r = Fixture.load(loader, file, inputsFor(file, loader));
    assertTrue(r.ok(), () -> name + ": " + r.errors());
    assertTrue(r.warnings().isEmpty(), () -> name + ": " + r.warnings());
  }
}
