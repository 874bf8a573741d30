package org.regatta.tosca.load;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.regatta.tosca.Problems;
import org.regatta.tosca.model.CapabilityDef;
import org.regatta.tosca.model.InterfaceDef;
import org.regatta.tosca.model.PropertyDef;
import org.regatta.tosca.model.RequirementDef;
import org.regatta.tosca.model.Schema;
import org.regatta.tosca.model.ServiceTemplate;
import org.regatta.tosca.model.TypeDefinition;
import org.regatta.tosca.model.TypeKind;

/**
 * Every type the template can see (normative, imported, its own), with {@code derived_from}
 * chains flattened: an effective type carries what it inherits, refined by what it redefines.
 */
public final class TypeRegistry {

  private final Map<TypeKind, Map<String, TypeDefinition>> declared = new EnumMap<>(TypeKind.class);
  private final Map<TypeKind, Map<String, TypeDefinition>> effective = new EnumMap<>(TypeKind.class);

  TypeRegistry() {
    for (TypeKind k : TypeKind.values()) {
      declared.put(k, new LinkedHashMap<>());
      effective.put(k, new HashMap<>());
    }
  }

  /** Later declarations replace earlier ones (INDIGO's catalogue redefines some normative types). */
  void declare(ServiceTemplate st) {
    st.types().forEach((kind, types) -> declared.get(kind).putAll(types));
  }

  /** The built-in value types of TOSCA; data types may derive from them. */
  public static final Set<String> PRIMITIVES = Set.of("string", "integer", "float", "boolean",
      "timestamp", "version", "range", "list", "map", "scalar-unit.size", "scalar-unit.time",
      "scalar-unit.frequency", "null");

  public boolean has(TypeKind kind, String name) {
    return name != null && (declared.get(kind).containsKey(name)
        || kind == TypeKind.DATA && PRIMITIVES.contains(name));
  }

  /** The primitive a value type reduces to, or null for a complex data type (or unknown). */
  public String primitiveBase(String type) {
    if (PRIMITIVES.contains(type)) {
      return type;
    }
    List<String> chain = lineage(TypeKind.DATA, type);
    if (chain.isEmpty()) {
      return null;
    }
    TypeDefinition top = declared.get(TypeKind.DATA).get(chain.get(chain.size() - 1));
    return top.derivedFrom() != null && PRIMITIVES.contains(top.derivedFrom())
        ? top.derivedFrom() : null;
  }

  public Set<String> names(TypeKind kind) {
    return declared.get(kind).keySet();
  }

  /** Checks parents exist and chains are acyclic; reports at the type's position. */
  void check(Problems problems) {
    for (TypeKind kind : TypeKind.values()) {
      for (TypeDefinition t : declared.get(kind).values()) {
        String path = kind.keyword() + "." + t.name();
        if (t.derivedFrom() != null && !has(kind, t.derivedFrom())) {
          problems.error(t.mark(), path + ".derived_from", "unknown " + kind.label() + " '"
              + t.derivedFrom() + "'" + Suggest.closest(t.derivedFrom(), names(kind)));
          continue;
        }
        List<String> chain = new ArrayList<>();
        for (TypeDefinition c = t; c != null; c = parent(c)) {
          if (chain.contains(c.name())) {
            chain.add(c.name());
            problems.error(t.mark(), path + ".derived_from", "derivation cycle: "
                + String.join(" → ", chain));
            break;
          }
          chain.add(c.name());
        }
      }
    }
  }

  private TypeDefinition parent(TypeDefinition t) {
    return t.derivedFrom() == null ? null : declared.get(t.kind()).get(t.derivedFrom());
  }

  /** The type's names from itself up to its root; stops at a cycle. */
  public List<String> lineage(TypeKind kind, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (TypeDefinition t = declared.get(kind).get(name); t != null && out.add(t.name());
        t = parent(t)) {
      // walk up
    }
    return List.copyOf(out);
  }

  public boolean derivesFrom(TypeKind kind, String name, String ancestor) {
    return lineage(kind, name).contains(ancestor);
  }

  /** The flattened type, or null when the name is unknown. */
  public TypeDefinition get(TypeKind kind, String name) {
    if (name == null || !declared.get(kind).containsKey(name)) {
      return null;
    }
    TypeDefinition cached = effective.get(kind).get(name);
    if (cached != null) {
      return cached;
    }
    List<String> chain = lineage(kind, name);
    TypeDefinition result = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      TypeDefinition own = declared.get(kind).get(chain.get(i));
      result = result == null ? own : merge(result, own);
    }
    effective.get(kind).put(name, result);
    return result;
  }

  private TypeDefinition merge(TypeDefinition parent, TypeDefinition child) {
    Map<String, CapabilityDef> caps = new LinkedHashMap<>(parent.capabilities());
    child.capabilities().forEach((n, c) -> {
      CapabilityDef p = caps.get(n);
      caps.put(n, p == null ? c : new CapabilityDef(n, c.type(),
          refine(p.properties(), c.properties()), refine(p.attributes(), c.attributes()),
          c.validSourceTypes().isEmpty() ? p.validSourceTypes() : c.validSourceTypes(),
          c.occurrences(), c.mark()));
    });
    List<RequirementDef> reqs = new ArrayList<>(parent.requirements());
    for (RequirementDef r : child.requirements()) {
      reqs.removeIf(p -> p.name().equals(r.name()));
      reqs.add(r);
    }
    Map<String, InterfaceDef> ifaces = new LinkedHashMap<>(parent.interfaces());
    child.interfaces().forEach((n, i) -> {
      InterfaceDef p = ifaces.get(n);
      if (p == null) {
        ifaces.put(n, i);
      } else {
        var ops = new LinkedHashMap<>(p.operations());
        ops.putAll(i.operations());
        var inputs = new LinkedHashMap<>(p.inputs());
        inputs.putAll(i.inputs());
        ifaces.put(n, new InterfaceDef(n, i.type() == null ? p.type() : i.type(), ops, inputs,
            i.mark()));
      }
    });
    var artifacts = new LinkedHashMap<>(parent.artifacts());
    artifacts.putAll(child.artifacts());
    var operations = new LinkedHashMap<>(parent.operations());
    operations.putAll(child.operations());
    var constraints = new ArrayList<>(parent.constraints());
    constraints.addAll(child.constraints());
    return new TypeDefinition(child.kind(), child.name(), child.derivedFrom(),
        child.description() != null ? child.description() : parent.description(),
        refine(parent.properties(), child.properties()),
        refine(parent.attributes(), child.attributes()), caps, reqs, ifaces, artifacts,
        operations, constraints,
        child.entrySchema() != null ? child.entrySchema() : parent.entrySchema(),
        child.validSourceTypes().isEmpty() ? parent.validSourceTypes()
            : child.validSourceTypes(),
        child.validTargetTypes().isEmpty() ? parent.validTargetTypes()
            : child.validTargetTypes(),
        child.targets().isEmpty() ? parent.targets() : child.targets(), child.mark());
  }

  /** A redefinition without a type keeps the parent's type (a refined default or constraint). */
  static Map<String, PropertyDef> refine(Map<String, PropertyDef> parent,
      Map<String, PropertyDef> child) {
    Map<String, PropertyDef> out = new LinkedHashMap<>(parent);
    child.forEach((n, c) -> {
      PropertyDef p = out.get(n);
      if (p != null && c.schema().type() == null) {
        List<org.regatta.tosca.model.Constraint> cs = new ArrayList<>(p.schema().constraints());
        cs.addAll(c.schema().constraints());
        c = c.withSchema(new Schema(p.schema().type(), cs,
            c.schema().entrySchema() != null ? c.schema().entrySchema()
                : p.schema().entrySchema()));
      }
      out.put(n, c);
    });
    return out;
  }

  /** The capability's property definitions: its type's, refined by the node type's definition. */
  public Map<String, PropertyDef> capabilityProperties(CapabilityDef cap) {
    TypeDefinition type = get(TypeKind.CAPABILITY, cap.type());
    return refine(type == null ? Map.of() : type.properties(), cap.properties());
  }
}
