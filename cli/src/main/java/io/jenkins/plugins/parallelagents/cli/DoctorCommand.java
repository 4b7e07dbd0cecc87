package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.doctor.CheckStatus;
import io.jenkins.plugins.parallelagents.doctor.Diagnosis;
import io.jenkins.plugins.parallelagents.doctor.Doctor;
import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code doctor [PLAN]}: checks this machine can run the plan, before a long run finds out. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Check that this machine can run a plan: git, bubblewrap, and the agents it uses.",
      "",
      "One line per check, each problem with its fix: git installed and new enough; bubblewrap"
          + " working when an agent the plan uses runs in the sandbox; for each agent profile a"
          + " task or the conflict resolver uses, its program on the PATH and, for Codex, Claude"
          + " Code, Gemini CLI and aider, its version, its API key or sign-in (never shown), and"
          + " every option the profile passes listed in the --help of the installed version."
          + " Starts no agent. Exits with 3 when a check failed; warnings alone exit with 0.",
      ""
    })
final class DoctorCommand implements Callable<Integer> {

  /** How the findings are printed. */
  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "PLAN",
      arity = "0..1",
      description =
          "The plan file. Default: "
              + ExampleLocator.PLAN_FILE
              + " in the current directory; without one, only git is checked.")
  Path planFile;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Any folder inside the git checkout to run in. Default: the current directory.")
  Path repository;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, or json: an object with plan (the file, or null), status (ok, warning or"
              + " failed) and checks, each with subject, status, finding and fix.")
  Format format;

  @Override
  public Integer call() throws Exception {
    Host host = parent.host();
    Path plan = planFile;
    if (plan == null) {
      Path byDefault = host.workingDirectory().resolve(ExampleLocator.PLAN_FILE);
      plan = Files.isRegularFile(byDefault) ? byDefault : null;
    }
    Plan loaded = plan == null ? null : new PlanFiles().load(plan);
    Path folder = repository == null ? host.workingDirectory() : repository;
    if (!Files.isDirectory(folder)) {
      throw new CliFailure(ExitCodes.USAGE, "--repo " + folder + ": no such folder");
    }
    Map<String, String> environment = GitEnvironment.forEngine(host.environment());
    Diagnosis diagnosis;
    try (LocalCommandRunner runner = new LocalCommandRunner(environment)) {
      diagnosis = new Doctor(runner, environment, folder).examine(loaded);
    }
    DoctorReport report = new DoctorReport(plan, diagnosis);
    if (format == Format.JSON) {
      report.printJson(spec.commandLine().getOut());
    } else {
      report.printText(spec.commandLine().getOut(), host.workingDirectory());
    }
    return diagnosis.status() == CheckStatus.FAILED ? ExitCodes.ENVIRONMENT : ExitCodes.OK;
  }
}
