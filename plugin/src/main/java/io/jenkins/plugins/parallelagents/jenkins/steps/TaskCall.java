package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeTask;
import io.jenkins.plugins.parallelagents.distributed.PreparedTask;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * One step of a task on its node, each a call of {@link NodeTask}: prepare, run the plan's agent,
 * set up before a block, or end after one. The prepared task and the task's report travel as JSON
 * (see {@link Wire}).
 */
abstract class TaskCall extends MasterToSlaveFileCallable<String> {

  private static final long serialVersionUID = 1L;

  private final NodeSpec spec;
  private final NodeEnvironment environment;

  TaskCall(NodeSpec spec, NodeEnvironment environment) {
    this.spec = spec;
    this.environment = environment;
  }

  @Override
  public final String invoke(File workspace, VirtualChannel channel) throws IOException {
    // Git runs here; the plan's commands go through the step's Launcher when it has one. What of
    // them runs on this machine is swept by the runner's marker; one launched inside a container
    // is stopped by the Launcher's own kill.
    try (LocalCommandRunner local = environment.runner()) {
      NodeTask task =
          new NodeTask(spec.on(workspace), environment.forSteps(local), environment.forEngine());
      return call(task);
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

  abstract String call(NodeTask task);

  /** Sends what the call logged before it returns, so its lines precede the next step's. */
  void flushLog() {}

  /** Creates the task's worktree and branch from the hand-offs unstashed in the workspace. */
  static final class Prepare extends TaskCall {
    private static final long serialVersionUID = 1L;
    private final String taskId;

    Prepare(NodeSpec spec, NodeEnvironment environment, String taskId) {
      super(spec, environment);
      this.taskId = taskId;
    }

    @Override
    String call(NodeTask task) {
      return Wire.write(task.prepare(taskId));
    }
  }

  /** A call about a task already prepared, whose output goes to the build log. */
  abstract static class OnPrepared extends TaskCall {
    private static final long serialVersionUID = 1L;
    private final String prepared;
    private final TaskListener listener;

    OnPrepared(NodeSpec spec, NodeEnvironment environment, String prepared, TaskListener listener) {
      super(spec, environment);
      this.prepared = prepared;
      this.listener = listener;
    }

    PreparedTask prepared() {
      return Wire.read(prepared, PreparedTask.class);
    }

    TaskListener listener() {
      return listener;
    }

    @Override
    void flushLog() {
      listener.getLogger().flush();
    }
  }

  /** Runs the plan's agent for the task: no block was given. Returns the task's report. */
  static final class PlanAgent extends OnPrepared {
    private static final long serialVersionUID = 1L;

    PlanAgent(NodeSpec spec, NodeEnvironment environment, String prepared, TaskListener listener) {
      super(spec, environment, prepared, listener);
    }

    @Override
    String call(NodeTask task) {
      PreparedTask prepared = prepared();
      return Wire.write(
          task.runPlanAgent(prepared, LogSink.forTask(listener(), prepared.taskId())));
    }
  }

  /** Runs the task's setup before the block; returns the ended task's report, or null to go on. */
  static final class Setup extends OnPrepared {
    private static final long serialVersionUID = 1L;

    Setup(NodeSpec spec, NodeEnvironment environment, String prepared, TaskListener listener) {
      super(spec, environment, prepared, listener);
    }

    @Override
    String call(NodeTask task) {
      PreparedTask prepared = prepared();
      return task.setup(prepared, LogSink.forTask(listener(), prepared.taskId()))
          .map(Wire::write)
          .orElse(null);
    }
  }

  /** Ends the task after its block: commits, verifies (on success) and hands off. */
  static final class BlockEnd extends OnPrepared {
    private static final long serialVersionUID = 1L;
    private final TaskStatus failure;
    private final String reason;

    /**
     * @param failure {@code null} when the block succeeded, else how it ended
     */
    BlockEnd(
        NodeSpec spec,
        NodeEnvironment environment,
        String prepared,
        TaskListener listener,
        TaskStatus failure,
        String reason) {
      super(spec, environment, prepared, listener);
      this.failure = failure;
      this.reason = reason;
    }

    @Override
    String call(NodeTask task) {
      PreparedTask prepared = prepared();
      return Wire.write(
          failure == null
              ? task.blockSucceeded(prepared, LogSink.forTask(listener(), prepared.taskId()))
              : task.blockFailed(prepared, failure, reason));
    }
  }
}
