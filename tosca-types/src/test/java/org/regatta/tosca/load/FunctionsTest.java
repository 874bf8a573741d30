package org.regatta.tosca.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regatta.tosca.model.NodeTemplate;
import org.regatta.tosca.model.Value;

/** Functions known before deployment are evaluated; get_attribute stays deferred. */
class FunctionsTest {

  @TempDir
  Path dir;

  private static final String TOPOLOGY = Fixture.HEADER + """
      topology_template:
        inputs:
          name: { type: string, default: web }
          secret: { type: string, metadata: { generate: secret } }
        node_templates:
          server:
            type: tosca.nodes.Compute
            capabilities:
              host: { properties: { num_cpus: 2, mem_size: 1 GB } }
          app:
            type: tosca.nodes.WebServer
            properties:
              component_version: { token: [ "1.2-rc", "-", 0 ] }
              admin_credential:
                user: { concat: [ { get_input: name }, "-admin" ] }
                token: { get_input: secret }
            requirements:
              - host: server
        outputs:
          cpus: { value: { get_property: [ server, host, num_cpus ] } }
          user: { value: { get_property: [ app, admin_credential, user ] } }
          address: { value: { concat: [ "http://", { get_attribute: [ server, public_address ] } ] } }
          host_cpus: { value: { get_attribute: [ app, nonsense ] } }
      """;

  @Test
  void evaluatesWhatIsKnownAndDefersTheRest() {
    LoadResult r = Fixture.load(Fixture.write(dir, "t.yaml", TOPOLOGY));
    // the one problem: an attribute the type does not have
    assertEquals(1, r.errors().size(), r.errors()::toString);
    assertTrue(r.errors().get(0).message().contains("has no attribute 'nonsense'"));
    NodeTemplate app = r.topology().nodeTemplates().get("app");
    assertEquals("1.2", Value.display(app.properties().get("component_version")));
    Value.MapValue cred = (Value.MapValue) app.properties().get("admin_credential");
    assertEquals("web-admin", Value.display(cred.entries().get("user")));
    assertInstanceOf(Value.Generated.class, cred.entries().get("token"));
    assertEquals("2", Value.display(r.topology().outputs().get("cpus").value()));
    assertEquals("web-admin", Value.display(r.topology().outputs().get("user").value()));
    Value address = r.topology().outputs().get("address").value();
    assertTrue(Value.isDeferred(address));
    assertEquals("{concat: [http://, {get_attribute: [server, public_address]}]}",
        Value.display(address));
  }

  @Test
  void lenientModeKeepsUnknownAttributesAsWarnings() {
    LoadResult r = new ToscaLoader(ImportCatalogue.defaults(), true)
        .load(Fixture.write(dir, "t.yaml", TOPOLOGY), java.util.Map.of());
    assertTrue(r.ok(), r.errors()::toString);
    assertEquals(1, r.warnings().size());
  }
}
