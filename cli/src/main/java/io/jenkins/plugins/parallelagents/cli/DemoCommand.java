package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code demo}: the bundled example, end to end, in a throwaway repository. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run the bundled example end to end in a throwaway repository.",
      "",
      "Copies examples/notification-preferences into a new git repository with a bare origin.git"
          + " beside it, runs its agents-plan.yaml as 'run' does (run state inside the demo"
          + " folder), and checks that origin received the target branch. Nothing outside the demo"
          + " folder is touched.",
      "",
      "Each task gets a PostgreSQL database of its own: on the server of --database-url, else on"
          + " one the demo starts for its duration from the PostgreSQL installed, else the demo"
          + " runs without databases and says why.",
      ""
    })
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "A new or empty folder for the demo (kept afterwards). Default: a temp folder.")
  Path dir;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "A PostgreSQL server for the tasks' databases: postgresql://user:password@host:port/db,"
              + " the user allowed to create databases. Default: $"
              + DemoDatabase.VARIABLE
              + ", else a server made for the demo from the PostgreSQL installed, else none.")
  String databaseUrl;

  @Option(
      names = "--clean",
      description =
          "Remove the temp folder after a successful demo. By default it is kept, to look at the"
              + " report and branches; a failed demo is always kept.")
  boolean clean;

  @Override
  public Integer call() throws CliFailure, IOException {
    PrintWriter out = spec.commandLine().getOut();
    requireNewOrEmptyDir();
    Host host = parent.host();
    Path example = new ExampleLocator(host.home(), host.workingDirectory()).locate();
    Path root = demoFolder();
    Map<String, String> environment = environment(host.environment());
    GitProcess git = new GitProcess(environment);
    RunReport report;
    DemoWorkspace workspace;
    try (DemoDatabase database = DemoDatabase.choose(databaseUrl, environment)) {
      workspace = DemoWorkspace.create(root, example, git);
      out.println("Demo: " + example + " copied to " + workspace.repository());
      out.println(database.said());
      out.flush();
      report = run(workspace, database, environment, out);
    } catch (CliFailure | IOException | RuntimeException e) {
      spec.commandLine().getErr().println("Demo folder kept: " + root);
      throw e;
    }
    int exitCode = PlanRunner.exitCode(report);

    out.println("Demo folder: " + root);
    out.println("Bare origin: " + workspace.origin());
    if (exitCode == ExitCodes.OK) {
      exitCode = verifyOrigin(workspace, report.run().target(), git, out);
    }
    finish(workspace, exitCode == ExitCodes.OK && !keepsFolder(), out);
    return exitCode;
  }

  private RunReport run(
      DemoWorkspace workspace,
      DemoDatabase database,
      Map<String, String> environment,
      PrintWriter out)
      throws CliFailure {
    Plan plan = database.plan(new PlanFiles().load(workspace.plan()));
    RunOptions options =
        new RunOptions(
            workspace.repository(),
            null,
            workspace.stateRoot(),
            database.environment(environment),
            null);
    return new PlanRunner(
            out, Terminal.detect(environment), common.verbose, Clock.systemDefaultZone())
        .run(plan, options);
  }

  /** The run says it published; origin itself must agree, or the demo proved nothing. */
  private int verifyOrigin(DemoWorkspace workspace, String target, GitProcess git, PrintWriter out)
      throws CliFailure {
    Optional<String> commit = workspace.originBranch(target, git);
    if (commit.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("origin.git has no branch " + target + ": the run did not publish it");
      return ExitCodes.RUN_FAILED;
    }
    out.println("Verified:    origin.git has " + target + " at " + Words.shortCommit(commit.get()));
    if (keepsFolder()) {
      out.println(
          "See it with: git --git-dir " + workspace.origin() + " log --oneline --graph " + target);
    }
    return ExitCodes.OK;
  }

  private void finish(DemoWorkspace workspace, boolean remove, PrintWriter out) throws IOException {
    if (remove) {
      workspace.delete();
      out.println("Demo folder removed (--clean).");
    }
    out.flush();
  }

  /** A folder the user named is theirs to remove; a failed demo is kept for a look either way. */
  private boolean keepsFolder() {
    return !clean || dir != null;
  }

  /** The demo never writes into a folder that holds something: it could be the user's work. */
  private void requireNewOrEmptyDir() throws IOException {
    if (dir != null && Files.exists(dir) && !isEmptyDirectory(dir)) {
      throw new ParameterException(
          spec.commandLine(), "--dir " + dir + " is not an empty folder: give a new or empty one");
    }
  }

  private Path demoFolder() throws IOException {
    if (dir == null) {
      return Files.createTempDirectory("parallel-agents-demo-").toRealPath();
    }
    return Files.createDirectories(dir.toAbsolutePath().normalize()).toRealPath();
  }

  private static boolean isEmptyDirectory(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /**
   * The run commits in the demo repository; a machine without a git identity would fail there, so
   * the demo supplies its own unless the environment already names one.
   */
  static Map<String, String> environment(Map<String, String> inherited) {
    Map<String, String> environment = new HashMap<>(inherited);
    for (String role : List.of("AUTHOR", "COMMITTER")) {
      environment.putIfAbsent("GIT_" + role + "_NAME", DemoWorkspace.USER_NAME);
      environment.putIfAbsent("GIT_" + role + "_EMAIL", DemoWorkspace.USER_EMAIL);
    }
    return environment;
  }
}
