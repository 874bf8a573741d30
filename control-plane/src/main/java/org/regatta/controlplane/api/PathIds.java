package org.regatta.controlplane.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Marathon's path ids ({@code /prod/web/api}): groups and apps share one tree. Relative ids are
 * resolved against a base group, {@code .} and {@code ..} as in a file system, empty segments
 * dropped; so {@code web/api} under {@code /} is {@code /web/api}.
 */
public final class PathIds {

  /** Marathon's rule for one segment: lowercase letters, digits, '-' inside, '.' between labels. */
  public static final String SEGMENT_REGEX = "^(([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])\\.)*"
      + "([a-z0-9]|[a-z0-9][a-z0-9\\-]*[a-z0-9])|(\\.|\\.\\.)$";

  static final String SEGMENT_ERROR = "must fully match regular expression '" + SEGMENT_REGEX + "'";
  static final String RESERVED_ERROR =
      "must not end with any of the following reserved keywords: restart, tasks, versions";
  static final String EMPTY_ERROR = "Path must contain at least one path element";

  private static final Pattern SEGMENT = Pattern.compile(SEGMENT_REGEX);
  private static final List<String> RESERVED = List.of("restart", "tasks", "versions");

  public static final String ROOT = "/";

  private PathIds() {}

  /** The non-empty segments of an id, as written. */
  public static List<String> segments(String id) {
    List<String> out = new ArrayList<>();
    for (String s : id.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  public static boolean isAbsolute(String id) {
    return id.startsWith("/");
  }

  /** {@code id} made absolute: resolved against {@code base} unless it starts with '/'. */
  public static String canonical(String id, String base) {
    List<String> in = new ArrayList<>();
    if (!isAbsolute(id)) {
      in.addAll(segments(base));
    }
    in.addAll(segments(id));
    List<String> out = new ArrayList<>();
    for (String s : in) {
      if (s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(s);
    }
    return "/" + String.join("/", out);
  }

  /** {@code id} made absolute against the root group. */
  public static String canonical(String id) {
    return canonical(id, ROOT);
  }

  /** The enclosing group of an absolute id ({@code /} for a top-level one and for the root). */
  public static String parent(String absoluteId) {
    List<String> s = segments(absoluteId);
    if (s.isEmpty()) {
      return ROOT;
    }
    return "/" + String.join("/", s.subList(0, s.size() - 1));
  }

  /** Whether {@code id} lies strictly below {@code group}. */
  public static boolean isUnder(String id, String group) {
    List<String> g = segments(group);
    List<String> s = segments(id);
    return s.size() > g.size() && s.subList(0, g.size()).equals(g);
  }

  /** Marathon's errors for an id used as an app id, after {@link #canonical}; empty when none. */
  public static List<String> problems(String canonicalId) {
    List<String> out = new ArrayList<>();
    List<String> s = segments(canonicalId);
    if (s.isEmpty()) {
      out.add(EMPTY_ERROR);
      return out;
    }
    if (!s.stream().allMatch(p -> SEGMENT.matcher(p).matches())) {
      out.add(SEGMENT_ERROR);
    }
    if (RESERVED.contains(s.get(s.size() - 1))) {
      out.add(RESERVED_ERROR);
    }
    return out;
  }
}
