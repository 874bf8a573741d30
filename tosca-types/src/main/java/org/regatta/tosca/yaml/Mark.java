package org.regatta.tosca.yaml;

/** A position in a source file; lines and columns count from 1. */
public record Mark(String file, int line, int column) {

  public static Mark of(String file) {
    return new Mark(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
