package org.regatta.controlplane.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationResultTest {

  @Test
  void validHasNoMessageAndStatus200() {
    assertTrue(ValidationResult.valid().isValid());
    assertEquals(200, ValidationResult.valid().httpStatus());
  }

  @Test
  void resultsNestUnderAPrefixAndCombine() {
    ValidationResult cpus = ValidationResult.of("/cpus", "got -1.0, expected 0.0 or more");
    ValidationResult root = ValidationResult.of("/", AppValidator.CMD_ARGS_CONTAINER);
    ValidationResult both = cpus.and(root).under("/apps(2)");
    assertEquals(List.of("/apps(2)/cpus", "/apps(2)"),
        both.details().stream().map(ValidationResult.Detail::path).toList());
    assertEquals(cpus, ValidationResult.valid().and(cpus));
    assertEquals(cpus, cpus.and(ValidationResult.valid()));
  }

  @Test
  void errorsAtTheSamePathAreGroupedOnce() {
    ValidationResult r = ValidationResult.of("/id", "a").and(ValidationResult.of("/id", "b"))
        .and(ValidationResult.of("/id", "a"));
    assertEquals(List.of(new ValidationResult.Detail("/id", List.of("a", "b"))), r.details());
  }

  @Test
  void parsedRefusesToHandOutAMissingValue() {
    Parsed<App> parsed = MarathonJson.readApp("{\"cpus\": \"x\"}");
    IllegalStateException e = assertThrows(IllegalStateException.class, parsed::orElseThrow);
    assertTrue(e.getMessage().contains("error.expected.jsnumber"), e.getMessage());
  }
}
