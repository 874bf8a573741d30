package org.regatta.tosca;

import org.regatta.tosca.yaml.Mark;

/** One finding about a template: where it is, the path to the offending key, and what was expected. */
public record Problem(Severity severity, Mark mark, String path, String message) {

  public enum Severity { ERROR, WARNING }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error: node_templates.x.properties.y: message}. */
  @Override
  public String toString() {
    String where = mark == null ? "" : mark + ": ";
    String at = path == null || path.isEmpty() ? "" : path + ": ";
    return where + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + at + message;
  }
}
