package org.regatta.tosca.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One parsed file: its own types, imports and (for the main file) topology. */
public record ServiceTemplate(String file, String definitionsVersion, String description,
    Map<String, String> metadata, List<ImportDef> imports,
    Map<TypeKind, Map<String, TypeDefinition>> types, TopologyTemplate topology) {

  public ServiceTemplate {
    metadata = Ordered.copy(metadata);
    imports = List.copyOf(imports);
    Map<TypeKind, Map<String, TypeDefinition>> copy = new EnumMap<>(TypeKind.class);
    types.forEach((k, v) -> copy.put(k, Ordered.copy(v)));
    types = Collections.unmodifiableMap(copy);
  }
}
