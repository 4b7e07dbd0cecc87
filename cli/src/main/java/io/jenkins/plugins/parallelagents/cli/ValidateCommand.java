package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Plan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate PLAN}: checks a plan without running anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check a plan file and list every problem in it.",
      "",
      "A valid plan prints one line; an invalid one prints every problem on its own line"
          + " (file:line:column: message) to stderr and exits with 2.",
      ""
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "PLAN", description = "The plan file, e.g. agents-plan.yaml.")
  Path planFile;

  @Override
  public Integer call() throws CliFailure {
    Plan plan = new PlanFiles().load(planFile);
    spec.commandLine()
        .getOut()
        .printf(
            "%s: valid plan '%s' with %s (%d foundation)%n",
            planFile,
            plan.name(),
            Words.count(plan.tasks().size(), "task"),
            plan.foundationTasks().size());
    return ExitCodes.OK;
  }
}
