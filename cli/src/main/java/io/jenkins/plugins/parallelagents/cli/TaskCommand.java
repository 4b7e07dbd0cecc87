package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.distributed.HandoffException;
import io.jenkins.plugins.parallelagents.distributed.NodeTask;
import io.jenkins.plugins.parallelagents.distributed.PreparedTask;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import java.io.PrintWriter;
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

/** {@code task ID}: one task of a run spread over CI jobs, in this job's clone. */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Run one task of a run spread over CI jobs, and write its hand-off.",
      "",
      "In a fresh clone of the repository: takes the hand-offs of the foundation and of the"
          + " task's needs (--handoff), makes the task's branch agents/<run>/<ID> from them, runs"
          + " the task's agent (setup, agent, commit, verify) and writes the task's hand-off to"
          + " --out/<ID>: task.json, branch.bundle (its commits past the base) and logs/. A"
          + " failed task still writes its hand-off, for the report, and exits with 1. A"
          + " hand-off that cannot be this run's result of its task is refused (exit 2).",
      ""
    })
final class TaskCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin HandoffOptions inputs;

  @Parameters(paramLabel = "ID", description = "The task to run.")
  String taskId;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the task's hand-off, as <DIR>/<ID>/, for the CI to keep.")
  Path out;

  @Override
  public Integer call() throws CliFailure {
    Map<String, Path> handoffs = HandoffFolders.find(inputs.handoffFolders(parent.host()));
    try (DistributedNode node =
        DistributedNode.open(parent.host(), inputs.repository, inputs.start, inputs.stateDir)) {
      Plan plan = node.run().plan();
      if (plan.task(taskId).isEmpty()) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "the plan has no task '"
                + taskId
                + "'; its tasks: "
                + String.join(", ", plan.tasks().stream().map(Task::id).toList()));
      }
      if (handoffs.containsKey(taskId)) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "a hand-off of task '"
                + taskId
                + "' itself was given ("
                + handoffs.get(taskId)
                + "): a task is given only the results of the tasks before it");
      }
      HandoffFolders.stage(handoffs, node.run());
      TaskReport report = run(node);
      Path written =
          HandoffFolders.export(node.run(), taskId, DistributedNode.resolve(parent.host(), out));
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(
          "Task "
              + taskId
              + ": "
              + report.status()
              + (report.reason() == null ? "" : ": " + report.reason()));
      stdout.println("Hand-off written to " + written);
      stdout.flush();
      return report.status().isDone() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    } catch (HandoffException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage());
    } catch (EnvironmentException e) {
      throw DistributedFailures.environment(e);
    }
  }

  private TaskReport run(DistributedNode node) throws EnvironmentException {
    NodeTask task = new NodeTask(node.run(), node.runner(), node.environment());
    PreparedTask prepared = task.prepare(taskId);
    PrintWriter stdout = spec.commandLine().getOut();
    return task.runPlanAgent(
        prepared,
        (step, line) -> {
          if (common.verbose) {
            stdout.println(taskId + " " + step + "| " + line);
            stdout.flush();
          }
        });
  }
}
