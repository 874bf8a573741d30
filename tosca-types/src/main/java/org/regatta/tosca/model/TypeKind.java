package org.regatta.tosca.model;

/** The type sections of a service template, with their YAML keyword and root type. */
public enum TypeKind {
  DATA("data_types", "tosca.datatypes.Root"),
  ARTIFACT("artifact_types", "tosca.artifacts.Root"),
  CAPABILITY("capability_types", "tosca.capabilities.Root"),
  INTERFACE("interface_types", "tosca.interfaces.Root"),
  RELATIONSHIP("relationship_types", "tosca.relationships.Root"),
  NODE("node_types", "tosca.nodes.Root"),
  GROUP("group_types", "tosca.groups.Root"),
  POLICY("policy_types", "tosca.policies.Root");

  private final String keyword;
  private final String root;

  TypeKind(String keyword, String root) {
    this.keyword = keyword;
    this.root = root;
  }

  public String keyword() {
    return keyword;
  }

  public String root() {
    return root;
  }

  /** "node type", "data type"… for messages. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT) + " type";
  }
}
