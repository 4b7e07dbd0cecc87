package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.run.RunEngine;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan for {@code run} and {@code demo}: progress while it goes, cancellation on Ctrl-C, the
 * summary at the end.
 */
final class PlanRunner {

  /** Long enough to kill process trees and write reports, short enough for an impatient user. */
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(30);

  private final PrintWriter out;
  private final Terminal terminal;
  private final boolean verbose;
  private final Clock clock;

  PlanRunner(PrintWriter out, Terminal terminal, boolean verbose, Clock clock) {
    this.out = out;
    this.terminal = terminal;
    this.verbose = verbose;
    this.clock = clock;
  }

  /** Runs the plan and prints the summary; an environment that cannot run it exits with 3. */
  @SuppressWarnings("try") // the guard works by being open; the table must stop before the summary
  RunReport run(Plan plan, RunOptions options) throws CliFailure {
    try (Progress progress = Progress.create(out, terminal, verbose, plan, clock)) {
      RunEngine engine = new RunEngine(plan, options, progress);
      try (CancelOnShutdown guard = CancelOnShutdown.register(engine::cancel, CANCEL_GRACE)) {
        RunReport report = engine.execute();
        progress.close();
        // printed before the guard closes: after Ctrl-C the JVM halts as soon as it does
        new RunSummary(Progress.plannedAttempts(plan)).print(report, out);
        return report;
      }
    } catch (EnvironmentException e) {
      List<String> lines = new ArrayList<>(List.of(e.getMessage()));
      if (e.fix() != null && !e.fix().isBlank()) {
        lines.add(e.fix());
      }
      throw new CliFailure(ExitCodes.ENVIRONMENT, lines, e);
    }
  }

  static int exitCode(RunReport report) {
    return report.run().status() == RunStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.RUN_FAILED;
  }
}
