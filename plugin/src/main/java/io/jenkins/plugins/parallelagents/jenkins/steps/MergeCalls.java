package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeMerge;
import io.jenkins.plugins.parallelagents.distributed.NodeRun;
import io.jenkins.plugins.parallelagents.distributed.PublishRequest;
import io.jenkins.plugins.parallelagents.distributed.TaskEnd;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.PublishReport;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import jenkins.MasterToSlaveFileCallable;

/** The merge node's calls: merge and test (or only the reports of a stopped run), a local publish. */
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
      // Git runs here; the test command goes through the step's Launcher when it has one (see
      // TaskCall).
      try (LocalCommandRunner local = environment.runner()) {
        return call(spec.on(workspace), environment.forSteps(local));
      } catch (EnvironmentException e) {
        throw Failures.of(e);
      } catch (RuntimeException e) {
        if (Failures.isExpected(e)) {
          throw new AbortException(e.getMessage());
        }
        throw e;
      } finally {
        flushLog();
      }
    }

    /** Sends what the call logged before it returns, so its lines precede the next step's. */
    void flushLog() {}

    /**
     * @param runner the call's runner, closed when the call ends
     */
    abstract T call(NodeRun run, CommandRunner runner) throws IOException, EnvironmentException;

    NodeMerge merge(NodeRun run, CommandRunner runner) throws EnvironmentException {
      return new NodeMerge(run, runner, environment.forEngine());
    }
  }

  /**
   * Merges and tests the hand-offs; returns {@code report.json}. A run stopped before its merge
   * (the build was aborted) only writes its reports.
   */
  static final class MergeAndTest extends OnNode<String> {
    private static final long serialVersionUID = 1L;
    private final TaskListener listener;
    private final String endedOnHost;
    private final String stopped;

    /**
     * @param endedOnHost how the build saw its tasks end, a JSON map of {@code TaskEnd}s
     * @param stopped why the run stopped before its merge, or {@code null} to merge
     */
    MergeAndTest(
        NodeSpec spec,
        NodeEnvironment environment,
        TaskListener listener,
        String endedOnHost,
        String stopped) {
      super(spec, environment);
      this.listener = listener;
      this.endedOnHost = endedOnHost;
      this.stopped = stopped;
    }

    @Override
    void flushLog() {
      listener.getLogger().flush();
    }

    @Override
    String call(NodeRun run, CommandRunner runner) throws EnvironmentException {
      Consumer<String> output = LogSink.forPhase(listener, "merge & test");
      NodeMerge merge = merge(run, runner);
      Map<String, TaskEnd> ends = Wire.readEnds(endedOnHost);
      return new ReportJson()
          .toJson(
              stopped == null
                  ? merge.mergeAndTest(output, ends)
                  : merge.reportStopped(stopped, ends, output));
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
}
