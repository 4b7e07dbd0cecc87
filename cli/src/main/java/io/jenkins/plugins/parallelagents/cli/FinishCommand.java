package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.distributed.HandoffException;
import io.jenkins.plugins.parallelagents.distributed.NodeMerge;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.distributed.ReportUpdate;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code finish}: the last job of a run spread over CI jobs. */
@Command(
    name = "finish",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Merge, test and publish the tasks of a run spread over CI jobs.",
      "",
      "In a fresh clone of the repository: takes every task's hand-off (--handoff), merges the"
          + " task branches with the plan's strategy, runs the plan's test command on the"
          + " combination and publishes it to the target as `run` does (pushed to publish.remote"
          + " with this clone's git credentials), unless --no-publish. Writes report.json,"
          + " report.md, report.html and junit.xml to --out. A task whose hand-off is missing is"
          + " reported as failed; a hand-off that cannot be this run's result of its task is"
          + " refused (exit 2) and nothing is merged.",
      ""
    })
final class FinishCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand ParallelAgentsCommand parent;

  @Mixin CommonOptions common;

  @Mixin HandoffOptions inputs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the run's reports and every task's logs.")
  Path out;

  @Option(
      names = "--no-publish",
      description =
          "Merge and test only: the run succeeds when every task is combined and the test"
              + " passes, and no branch is published.")
  boolean noPublish;

  @Override
  public Integer call() throws CliFailure {
    Map<String, Path> handoffs = HandoffFolders.find(inputs.handoffFolders(parent.host()));
    PrintWriter stdout = spec.commandLine().getOut();
    try (DistributedNode node =
        DistributedNode.open(parent.host(), inputs.repository, inputs.start, inputs.stateDir)) {
      NodeRun run = node.run();
      HandoffFolders.stage(handoffs, run);
      NodeMerge merge = new NodeMerge(run, node.runner(), node.environment());
      RunReport report =
          merge.mergeAndTest(
              line -> {
                if (common.verbose) {
                  stdout.println("merge| " + line);
                  stdout.flush();
                }
              });
      // What to publish comes from the report the merge returned, not from report.json, which
      // a process the test left behind could have rewritten.
      PublishRequest request = PublishRequest.of(report, run.plan(), run.start());
      if (request.allowed()) {
        long t0 = System.nanoTime();
        PublishReport published = publish(node, merge, request, report);
        report =
            new ReportUpdate(run)
                .published(report, published, (System.nanoTime() - t0) / 1_000_000);
      }
      Path reports = DistributedNode.resolve(parent.host(), out);
      HandoffFolders.copyTree(run.directory().root(), reports);
      new RunSummary(Progress.plannedAttempts(run.plan())).print(report, stdout);
      stdout.println("Reports written to " + reports);
      stdout.flush();
      return PlanRunner.exitCode(report);
    } catch (HandoffException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage());
    } catch (EnvironmentException e) {
      throw DistributedFailures.environment(e);
    }
  }

  private PublishReport publish(
      DistributedNode node, NodeMerge merge, PublishRequest request, RunReport report) {
    if (noPublish) {
      return new PublishReport(
          report.publish().remote(),
          request.branch(),
          request.commit(),
          PublishStatus.NOT_REQUESTED,
          "not published: --no-publish");
    }
    if (request.remote() == null) {
      return merge.publishLocally(request);
    }
    return new RemotePush(node).push(request);
  }
}
