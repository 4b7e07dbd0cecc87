package io.jenkins.plugins.parallelagents.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.parallelagents.distributed.NodeTask;
import io.jenkins.plugins.parallelagents.distributed.PreparedTask;
import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * One step of a task on its node, each a call of {@link NodeTask}: prepare, run the plan's agent,
 * set up before a block, or end after one.
 */
abstract class TaskCall<T> extends MasterToSlaveFileCallable<T> {

  private static final long serialVersionUID = 1L;

  private final NodeSpec spec;
  private final NodeEnvironment environment;

  TaskCall(NodeSpec spec, NodeEnvironment environment) {
    this.spec = spec;
    this.environment = environment;
  }

  @Override
  public final T invoke(File workspace, VirtualChannel channel) throws IOException {
    try {
      NodeTask task =
          new NodeTask(spec.on(workspace), environment.runner(), environment.forEngine());
      return call(task);
    } catch (EnvironmentException e) {
      throw Failures.of(e);
    } catch (RuntimeException e) {
      if (Failures.isExpected(e)) {
        throw new AbortException(e.getMessage());
      }
      throw e;
    }
  }

  abstract T call(NodeTask task) throws IOException;

  /** Creates the task's worktree and branch from the hand-offs unstashed in the workspace. */
  static final class Prepare extends TaskCall<PreparedTask> {
    private static final long serialVersionUID = 1L;
    private final String taskId;

    Prepare(NodeSpec spec, NodeEnvironment environment, String taskId) {
      super(spec, environment);
      this.taskId = taskId;
    }

    @Override
    PreparedTask call(NodeTask task) {
      return task.prepare(taskId);
    }
  }

  /** Runs the plan's agent for the task: no block was given. */
  static final class PlanAgent extends TaskCall<TaskReport> {
    private static final long serialVersionUID = 1L;
    private final PreparedTask prepared;
    private final TaskListener listener;

    PlanAgent(
        NodeSpec spec, NodeEnvironment environment, PreparedTask prepared, TaskListener listener) {
      super(spec, environment);
      this.prepared = prepared;
      this.listener = listener;
    }

    @Override
    TaskReport call(NodeTask task) {
      return task.runPlanAgent(prepared, LogSink.forTask(listener, prepared.taskId()));
    }
  }

  /** Runs the task's setup before the block; returns the ended task, or null to run the block. */
  static final class Setup extends TaskCall<TaskReport> {
    private static final long serialVersionUID = 1L;
    private final PreparedTask prepared;
    private final TaskListener listener;

    Setup(NodeSpec spec, NodeEnvironment environment, PreparedTask prepared, TaskListener listener) {
      super(spec, environment);
      this.prepared = prepared;
      this.listener = listener;
    }

    @Override
    TaskReport call(NodeTask task) {
      return task.setup(prepared, LogSink.forTask(listener, prepared.taskId())).orElse(null);
    }
  }

  /** Ends the task after its block: commits, verifies (on success) and hands off. */
  static final class BlockEnd extends TaskCall<TaskReport> {
    private static final long serialVersionUID = 1L;
    private final PreparedTask prepared;
    private final TaskListener listener;
    private final TaskStatus failure;
    private final String reason;

    /**
     * @param failure {@code null} when the block succeeded, else how it ended
     */
    BlockEnd(
        NodeSpec spec,
        NodeEnvironment environment,
        PreparedTask prepared,
        TaskListener listener,
        TaskStatus failure,
        String reason) {
      super(spec, environment);
      this.prepared = prepared;
      this.listener = listener;
      this.failure = failure;
      this.reason = reason;
    }

    @Override
    TaskReport call(NodeTask task) {
      return failure == null
          ? task.blockSucceeded(prepared, LogSink.forTask(listener, prepared.taskId()))
          : task.blockFailed(prepared, failure, reason);
    }
  }
}
