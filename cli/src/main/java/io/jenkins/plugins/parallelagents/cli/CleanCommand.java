package io.jenkins.plugins.parallelagents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.Retention;
import io.jenkins.plugins.parallelagents.lifecycle.RunCatalog;
import io.jenkins.plugins.parallelagents.lifecycle.RunEntry;
import io.jenkins.plugins.parallelagents.lifecycle.SavedWork;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code clean [--dry-run] [--all | RUN...]}: removes old runs, saving their unpublished work. */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Remove old runs: their task repositories, branches agents/<run>/* and run folders.",
      "",
      "Work the target branch does not contain is saved first: unpublished task branches as"
          + " refs/parallel-agents/snapshots/<run>/<task>, uncommitted changes of task"
          + " repositories as refs/parallel-agents/snapshots/<run>/<task>.uncommitted (see"
          + " restore); the run's reports stay readable under <state-dir>/archive/<run>/ until"
          + " that saved work expires. A run in progress is never removed. Without RUN or --all,"
          + " applies the retention: runs beyond the --keep-runs newest, or ended more than"
          + " --keep-days ago, go (defaults: the newest run's plan, else 10 runs and 4 days).",
      ""
    })
final class CleanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN", arity = "0..*", description = "Runs to remove, by id.")
  List<String> runs = List.of();

  @Option(names = "--all", description = "Remove every run that is not in progress.")
  boolean all;

  @Option(
      names = "--dry-run",
      description = "Print what would be removed and saved; change nothing.")
  boolean dryRun;

  @Option(
      names = "--keep-runs",
      paramLabel = "N",
      description = "Keep the N newest runs. Default: the newest run's plan (cleanup.keepRuns).")
  Integer keepRuns;

  @Option(
      names = "--keep-days",
      paramLabel = "DAYS",
      description =
          "Keep runs that ended less than DAYS ago. Default: the newest run's plan"
              + " (cleanup.keepDays).")
  Integer keepDays;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Any folder inside the git checkout. Default: the current directory.")
  Path repository;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where run directories and task repositories are."
              + " Default: a folder per repository in your cache directory.")
  Path stateDir;

  @Override
  public Integer call() throws CliFailure {
    if (all && !runs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give --all or RUN ids, not both");
    }
    if ((all || !runs.isEmpty()) && (keepRuns != null || keepDays != null)) {
      throw new ParameterException(
          spec.commandLine(), "--keep-runs and --keep-days apply only without --all or RUN");
    }
    if (keepRuns != null && keepRuns < 1) {
      throw new ParameterException(spec.commandLine(), "--keep-runs must be at least 1");
    }
    if (keepDays != null && keepDays < 0) {
      throw new ParameterException(spec.commandLine(), "--keep-days must be at least 0");
    }
    try (EngineGit engine = EngineGit.open(parent.host(), repository, stateDir)) {
      CleanupSettings plan = newestPlanSettings(engine);
      CleanupSettings settings =
          new CleanupSettings(
              keepDays != null ? keepDays : plan.keepDays(),
              keepRuns != null ? keepRuns : plan.keepRuns(),
              plan.keepSnapshotsDays());
      Retention retention =
          new Retention(engine.root(), engine.git(), engine.top(), Clock.systemUTC());
      List<CleanedRun> done;
      if (all) {
        done = retention.cleanAll(settings, dryRun);
      } else if (!runs.isEmpty()) {
        try {
          done = retention.clean(runs, settings, dryRun);
        } catch (IllegalArgumentException e) {
          throw new CliFailure(ExitCodes.USAGE, e.getMessage());
        }
      } else {
        done = retention.applyRetention(settings, null, dryRun);
      }
      print(done, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** The cleanup section of the newest run's plan.json, else the defaults. */
  private static CleanupSettings newestPlanSettings(EngineGit engine) {
    Optional<RunEntry> newest = new RunCatalog(engine.root()).latest();
    if (newest.isEmpty()) {
      return CleanupSettings.DEFAULT;
    }
    Path planJson = newest.get().directory().planJson();
    try {
      JsonNode cleanup =
          ReportJson.newMapper().readTree(Files.readAllBytes(planJson)).path("cleanup");
      CleanupSettings defaults = CleanupSettings.DEFAULT;
      return new CleanupSettings(
          cleanup.path("keepDays").asInt(defaults.keepDays()),
          Math.max(1, cleanup.path("keepRuns").asInt(defaults.keepRuns())),
          cleanup.path("keepSnapshotsDays").asInt(defaults.keepSnapshotsDays()));
    } catch (IOException | RuntimeException e) {
      return CleanupSettings.DEFAULT; // an unreadable plan.json: the built-in retention
    }
  }

  /** One line per run: what happened and why, then one indented line per piece of saved work. */
  static void print(List<CleanedRun> done, PrintWriter out) {
    for (CleanedRun run : done) {
      String verb =
          switch (run.action()) {
            case REMOVE -> run.dryRun() ? "would remove" : "removed";
            case KEEP -> "kept";
            case EXPIRE ->
                run.dryRun() ? "would drop the saved work of" : "dropped the saved work of";
          };
      out.println(verb + " " + run.runId() + ": " + run.reason());
      if (run.action() == CleanedRun.Action.REMOVE) {
        for (SavedWork work : run.saved()) {
          out.println(
              "  " + (run.dryRun() ? "would save " : "saved ") + work.what() + " as " + work.ref());
        }
      }
    }
    if (done.isEmpty()) {
      out.println("no runs");
    }
    out.flush();
  }
}
