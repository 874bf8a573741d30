package org.regatta.tosca.model;

import org.regatta.tosca.yaml.Mark;

/** An artifact: its type, the file (a value: may be {@code get_input}) and where it goes. */
public record ArtifactDef(String name, String type, Value file, String repository,
    String deployPath, Mark mark) {}
