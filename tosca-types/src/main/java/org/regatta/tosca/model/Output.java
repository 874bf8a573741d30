package org.regatta.tosca.model;

import org.regatta.tosca.yaml.Mark;

/** A topology output: its value (usually a function call resolved at run time). */
public record Output(String name, String description, Value value, Mark mark) {}
