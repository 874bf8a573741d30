package org.regatta.orchestrator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.regatta.tosca.load.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code orchestrator validate FILE}: every problem of the template at once, with positions. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a TOSCA template, its imports and the given inputs.")
final class ValidateCommand implements Callable<Integer> {

  @Mixin
  TemplateOptions options = new TemplateOptions();

  @Mixin
  OutputOptions out = new OutputOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    boolean json = out.json(spec.commandLine());
    LoadResult r = options.load(spec.commandLine());
    PrintWriter pw = spec.commandLine().getOut();
    if (json) {
      pw.println(Json.write(Json.validation(r)));
    } else {
      Report.problems(r.problems(), spec.commandLine().getErr());
      pw.println(Report.summary(options.file.toString(), r));
    }
    return r.ok() ? Main.OK : Main.FAILED;
  }
}
