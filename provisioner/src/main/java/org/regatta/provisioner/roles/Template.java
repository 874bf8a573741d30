package org.regatta.provisioner.roles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders, filled by plain substitution: no sections, no
 * escaping (roles validate their values instead). Every placeholder must be bound, and anything
 * else between {@code {{ }}} is an error, so that a typo never reaches a node.
 */
public record Template(String name, String text) {

  /** Under this resource folder, role files are named {@code role/file}. */
  static final String RESOURCES = "/org/regatta/provisioner/roles/";

  private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern NAME = Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*");

  /** Loads {@code roles/<path>} from the class path. */
  public static Template resource(String path) {
    try (InputStream in = Template.class.getResourceAsStream(RESOURCES + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no role resource " + RESOURCES + path);
      }
      return new Template(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read role resource " + path, e);
    }
  }

  /** The text with every placeholder replaced; a missing variable names template and line. */
  public String render(Map<String, String> vars) throws RoleException {
    Matcher m = TAG.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    Map<String, Integer> missing = new LinkedHashMap<>();
    while (m.find()) {
      Matcher n = NAME.matcher(m.group(1));
      int line = lineOf(m.start());
      if (!n.matches()) {
        throw new RoleException("template " + name + " line " + line + ": '" + m.group()
            + "' is not a placeholder; write {{name}} with a lower-case name");
      }
      String value = vars.get(n.group(1));
      if (value == null) {
        missing.putIfAbsent(n.group(1), line);
        continue;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    if (!missing.isEmpty()) {
      StringBuilder msg = new StringBuilder("template " + name + " needs variable");
      msg.append(missing.size() == 1 ? " " : "s ");
      missing.forEach((var, line) -> msg.append(var).append(" (line ").append(line).append("), "));
      msg.setLength(msg.length() - 2);
      throw new RoleException(msg + " but " + (missing.size() == 1 ? "it is" : "they are")
          + " not bound; bound: " + String.join(", ", vars.keySet().stream().sorted().toList()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
