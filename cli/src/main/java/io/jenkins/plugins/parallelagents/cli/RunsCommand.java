package io.jenkins.plugins.parallelagents.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.parallelagents.lifecycle.RunCatalog;
import io.jenkins.plugins.parallelagents.lifecycle.RunEntry;
import io.jenkins.plugins.parallelagents.lifecycle.StateRoot;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runs}: the runs of the repository, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List the runs of the repository, newest first.",
      "",
      "One line per run: its id, the plan's name, its status, when it started (local time), how"
          + " long it took (so far, while it runs) and its target branch. A run whose process died"
          + " before it ended (killed, the machine rebooted) shows as INTERRUPTED. Give a run's id"
          + " to show to see its tasks and outcome.",
      ""
    })
final class RunsCommand implements Callable<Integer> {

  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin RunStateOptions state;

  @Option(
      names = "--json",
      description =
          "Print a JSON array instead, newest first: for each run, the run object of its"
              + " report.json (id, name, status, reason, base, target, startedAt, finishedAt,"
              + " directory, owner).")
  boolean json;

  @Override
  public Integer call() throws CliFailure, JsonProcessingException {
    StateRoot root = state.stateRoot(parent.host());
    List<RunEntry> runs = new RunCatalog(root).list();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      List<RunInfo> infos = runs.stream().map(run -> run.report().run()).toList();
      out.println(ReportJson.newMapper().writeValueAsString(infos));
    } else if (runs.isEmpty()) {
      out.println("No runs yet in " + root.root());
    } else {
      table(runs, Clock.systemDefaultZone()).forEach(out::println);
    }
    out.flush();
    return ExitCodes.OK;
  }

  static List<String> table(List<RunEntry> runs, Clock clock) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("RUN", "PLAN", "STATUS", "STARTED", "DURATION", "TARGET"));
    for (RunEntry run : runs) {
      RunInfo info = run.report().run();
      rows.add(
          List.of(
              info.id() == null ? run.id() : info.id(),
              orDash(info.name()),
              info.status() == null ? "-" : info.status().name(),
              info.startedAt() == null
                  ? "-"
                  : STARTED.format(info.startedAt().atZone(clock.getZone())),
              duration(info, clock),
              orDash(info.target())));
    }
    return Words.columns(rows);
  }

  /** Start to end; for a run still going, start to now. */
  private static String duration(RunInfo info, Clock clock) {
    if (info.startedAt() == null) {
      return "-";
    }
    Instant end = info.finishedAt() != null ? info.finishedAt() : clock.instant();
    return Durations.format(Duration.between(info.startedAt(), end).toMillis());
  }

  private static String orDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }
}
