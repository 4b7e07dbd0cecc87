package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A plan run with the command line as a user runs it, and what it left: report and logs. */
record RealRun(Cli.Result result, RunDirectory directory, RunReport report) {

  static RealRun of(Host host, Path plan, Path repo, Path state, String... more)
      throws IOException {
    String[] args =
        Stream.concat(
                Stream.of(
                    "run",
                    plan.toString(),
                    "--repo",
                    repo.toString(),
                    "--state-dir",
                    state.toString()),
                Stream.of(more))
            .toArray(String[]::new);
    Cli.Result result = Cli.run(host, args);
    Path report;
    try (Stream<Path> files = Files.walk(state)) {
      report =
          files
              .filter(p -> p.endsWith("report.json"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no report: " + result.out() + result.err()));
    }
    RunDirectory directory = new RunDirectory(report.getParent());
    return new RealRun(
        result, directory, ReportJson.newMapper().readValue(report.toFile(), RunReport.class));
  }

  TaskReport task(String id) {
    return report.task(id).orElseThrow();
  }

  /** The agent step's log of the task's first attempt. */
  String agentLog(String id) {
    try {
      return Files.readString(directory.stepLog(id, 1, 1, "agent"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything to read when an assertion fails: the run's output and every agent log. */
  String explain() {
    StringBuilder text = new StringBuilder(result.out()).append(result.err());
    for (TaskReport task : report.tasks()) {
      text.append("\n--- ").append(task.id()).append(": ").append(task.reason()).append('\n');
      try {
        Path log = directory.stepLog(task.id(), 1, 1, "agent");
        if (Files.exists(log)) {
          text.append(Files.readString(log));
        }
      } catch (IOException e) {
        text.append(e);
      }
    }
    return text.toString();
  }
}
