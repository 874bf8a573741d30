package org.regatta.tosca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.regatta.tosca.yaml.Mark;

/** Collects every problem of a load so that all of them are reported at once. */
public final class Problems {

  private final List<Problem> list = new ArrayList<>();
  private final boolean lenient;

  public Problems(boolean lenient) {
    this.lenient = lenient;
  }

  public boolean lenient() {
    return lenient;
  }

  public void error(Mark mark, String path, String message) {
    add(new Problem(Problem.Severity.ERROR, mark, path, message));
  }

  public void warning(Mark mark, String path, String message) {
    add(new Problem(Problem.Severity.WARNING, mark, path, message));
  }

  /** An error in strict mode, a warning in lenient mode (unknown keys and properties). */
  public void strict(Mark mark, String path, String message) {
    if (lenient) {
      warning(mark, path, message);
    } else {
      error(mark, path, message);
    }
  }

  private void add(Problem p) {
    if (!list.contains(p)) {
      list.add(p);
    }
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  public int errorCount() {
    return (int) list.stream().filter(Problem::isError).count();
  }

  /** Sorted by file and position so that users read them top to bottom. */
  public List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing((Problem p) -> p.mark() == null ? "" : p.mark().file())
        .thenComparingInt(p -> p.mark() == null ? 0 : p.mark().line())
        .thenComparingInt(p -> p.mark() == null ? 0 : p.mark().column()));
    return sorted;
  }
}
