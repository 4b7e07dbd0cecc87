package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.agent.AgentCommands;
import io.jenkins.plugins.parallelagents.plan.TestSettings;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.report.TestReport;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Runs the plan's test command on the combined tree; its result gates publishing. */
public final class TestPhase {

  private TestPhase() {}

  public static TestReport run(
      CommandRunner runner,
      TestSettings settings,
      Path worktree,
      Map<String, String> environment,
      Path log,
      Consumer<String> lines) {
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                worktree,
                AgentCommands.argv(settings.command(), Map.of("worktree", worktree.toString())),
                environment,
                settings.timeout(),
                log,
                lines));
    TestStatus status =
        result.ok()
            ? TestStatus.PASSED
            : result.timedOut() ? TestStatus.TIMED_OUT : TestStatus.FAILED;
    Integer exit = result.failureToStart() != null ? null : result.exitCode();
    return new TestReport(
        settings.command().display(),
        status,
        exit,
        result.durationMs(),
        result.ok() ? null : result.describeFailure("the test command"));
  }
}
