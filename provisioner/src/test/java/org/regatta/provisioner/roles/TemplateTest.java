package org.regatta.provisioner.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void substitutesEveryPlaceholderLiterally() throws RoleException {
    Template t = new Template("t", "a={{a}}\nb={{ b }} and {{a}} $1 \\n");
    assertEquals("a=x$y\nb=2 and x$y $1 \\n", t.render(Map.of("a", "x$y", "b", "2")));
  }

  @Test
  void aMissingVariableNamesTemplateVariableAndLine() {
    Template t = new Template("zookeeper/zoo.cfg", "tickTime=1000\nclientPort={{client_port}}\n"
        + "{{servers}}\n{{client_port}}\n");
    RoleException e = assertThrows(RoleException.class,
        () -> t.render(Map.of("myid", "1")));
    assertEquals("template zookeeper/zoo.cfg needs variables client_port (line 2), servers (line 3)"
        + " but they are not bound; bound: myid", e.getMessage());
  }

  @Test
  void anythingElseInBracesIsAnError() {
    for (String bad : new String[] {"{{#list}}x{{/list}}", "{{Name}}", "{{}}", "{{a b}}"}) {
      RoleException e = assertThrows(RoleException.class,
          () -> new Template("t", "ok\n" + bad).render(Map.of("a", "1")));
      assertEquals("template t line 2: '" + bad.substring(0, bad.indexOf("}}") + 2)
          + "' is not a placeholder; write {{name}} with a lower-case name", e.getMessage());
    }
  }
}
