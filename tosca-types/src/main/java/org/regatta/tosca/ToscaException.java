package org.regatta.tosca;

import java.util.List;
import java.util.stream.Collectors;

/** The loader's only exception: the template has errors, each with its position. */
public final class ToscaException extends Exception {

  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ToscaException(List<Problem> problems) {
    super(problems.stream().filter(Problem::isError).map(Problem::toString)
        .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
