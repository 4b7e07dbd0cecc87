package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeMerge;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.distributed.ReportUpdate;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/** The merge node's calls: merge and test, what to publish, a local publish, the outcome. */
final class MergeCalls {

  private MergeCalls() {}

  /** A call on the merge node; engine failures become the build's one-line error. */
  abstract static class OnNode<T> extends MasterToSlaveFileCallable<T> {
    private static final long serialVersionUID = 1L;
    final NodeSpec spec;
    final NodeEnvironment environment;

    OnNode(NodeSpec spec, NodeEnvironment environment) {
      this.spec = spec;
      this.environment = environment;
    }

    @Override
    public final T invoke(File workspace, VirtualChannel channel) throws IOException {
      try (LocalCommandRunner runner = environment.runner()) {
        return call(spec.on(workspace), runner);
      } catch (EnvironmentException e) {
        throw Failures.of(e);
      } catch (RuntimeException e) {
        if (Failures.isExpected(e)) {
          throw new AbortException(e.getMessage());
        }
        throw e;
      }
    }

    /**
     * @param runner the call's runner, closed when the call ends
     */
    abstract T call(NodeRun run, CommandRunner runner) throws IOException, EnvironmentException;

    NodeMerge merge(NodeRun run, CommandRunner runner) throws EnvironmentException {
      return new NodeMerge(run, runner, environment.forEngine());
    }
  }

  /** Merges and tests the hand-offs; returns {@code report.json}. */
  static final class MergeAndTest extends OnNode<String> {
    private static final long serialVersionUID = 1L;
    private final TaskListener listener;

    MergeAndTest(NodeSpec spec, NodeEnvironment environment, TaskListener listener) {
      super(spec, environment);
      this.listener = listener;
    }

    @Override
    String call(NodeRun run, CommandRunner runner) throws EnvironmentException {
      return new ReportJson()
          .toJson(merge(run, runner).mergeAndTest(LogSink.forPhase(listener, "merge & test")));
    }
  }

  /** Publishes to the checkout's own branch (the plan names no remote); a {@link PublishReport}. */
  static final class PublishLocally extends OnNode<String> {
    private static final long serialVersionUID = 1L;
    private final String request;

    PublishLocally(NodeSpec spec, NodeEnvironment environment, String request) {
      super(spec, environment);
      this.request = request;
    }

    @Override
    String call(NodeRun run, CommandRunner runner) throws EnvironmentException {
      return Wire.write(
          merge(run, runner).publishLocally(Wire.read(request, PublishRequest.class)));
    }
  }

  /** Records how publishing went; returns the final {@code report.json}. */
  static final class Record extends OnNode<String> {
    private static final long serialVersionUID = 1L;
    private final String publish;
    private final long durationMs;

    /**
     * @param publish the {@link PublishReport}, as JSON
     */
    Record(NodeSpec spec, NodeEnvironment environment, String publish, long durationMs) {
      super(spec, environment);
      this.publish = publish;
      this.durationMs = durationMs;
    }

    @Override
    String call(NodeRun run, CommandRunner runner) {
      PublishReport report = Wire.read(publish, PublishReport.class);
      return new ReportJson().toJson(new ReportUpdate(run).published(report, durationMs));
    }
  }
}
