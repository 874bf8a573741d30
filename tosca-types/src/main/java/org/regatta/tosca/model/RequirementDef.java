package org.regatta.tosca.model;

import org.regatta.tosca.yaml.Mark;

/** A requirement a node type declares: the capability type, node type and relationship it needs. */
public record RequirementDef(String name, String capability, String node, String relationship,
    Occurrences occurrences, Mark mark) {}
