package org.regatta.tosca.model;

import org.regatta.tosca.yaml.Mark;

/** An import: a relative file or a URL, optionally named and with a repository. */
public record ImportDef(String name, String file, String repository, Mark mark) {}
