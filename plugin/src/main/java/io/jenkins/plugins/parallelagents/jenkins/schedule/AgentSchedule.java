package io.jenkins.plugins.parallelagents.jenkins.schedule;

import hudson.AbortException;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.parallelagents.distributed.TaskEnd;
import io.jenkins.plugins.parallelagents.distributed.TaskGate;
import io.jenkins.plugins.parallelagents.jenkins.action.ParallelAgentsAction;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * Which tasks of a build's run have ended and which hold a slot, kept with the build so that it
 * survives a restart. Tasks waiting to start ({@link AwaitAgentTaskStep}) are started by the end of
 * another ({@link EndAgentTaskStep}), never by polling: each end decides once for every task
 * still waiting, in the order they began to wait.
 */
public final class AgentSchedule extends InvisibleAction implements RunAction2 {

  private static final Logger LOGGER = Logger.getLogger(AgentSchedule.class.getName());

  // Replaced whole under the lock, never changed in place: a save on another thread may be
  // walking the old ones.
  private volatile LinkedHashMap<String, String> endedStatus = new LinkedHashMap<>();
  private volatile LinkedHashMap<String, String> endedReason = new LinkedHashMap<>();
  private volatile LinkedHashSet<String> running = new LinkedHashSet<>();

  /** Waiting executions live only in memory: each registers again when Pipeline resumes it. */
  private transient List<AwaitAgentTaskStep.Execution> waiting;

  private transient Run<?, ?> run;

  /** The build's schedule, added at its first use. */
  public static AgentSchedule of(Run<?, ?> run) {
    synchronized (run) {
      AgentSchedule schedule = run.getAction(AgentSchedule.class);
      if (schedule == null) {
        schedule = new AgentSchedule();
        run.addAction(schedule);
      }
      return schedule;
    }
  }

  @Override
  public void onAttached(Run<?, ?> run) {
    this.run = run;
  }

  @Override
  public void onLoad(Run<?, ?> run) {
    this.run = run;
  }

  /** Starts, skips or parks a waiting task; a task that already holds a slot starts again. */
  void await(AwaitAgentTaskStep.Execution execution) throws AbortException {
    TaskGate gate = gate();
    TaskGate.Decision decision;
    synchronized (this) {
      if (running.contains(execution.taskId())) {
        decision = new TaskGate.Start();
      } else {
        decision = decideFor(gate, execution);
        if (decision instanceof TaskGate.Wait) {
          waiting().add(execution);
        }
      }
    }
    try {
      save();
    } finally {
      execution.decided(decision);
    }
  }

  /** Forgets a waiting task that was stopped. */
  synchronized void cancel(AwaitAgentTaskStep.Execution execution) {
    waiting().remove(execution);
  }

  /** Records a task's end, frees its slot, and decides for every task still waiting. */
  void ended(String taskId, TaskStatus status, String reason) throws AbortException {
    TaskGate gate = gate();
    Map<AwaitAgentTaskStep.Execution, TaskGate.Decision> decided = new LinkedHashMap<>();
    synchronized (this) {
      LinkedHashMap<String, String> statuses = new LinkedHashMap<>(endedStatus);
      statuses.put(taskId, status.name());
      endedStatus = statuses;
      if (reason != null) {
        LinkedHashMap<String, String> reasons = new LinkedHashMap<>(endedReason);
        reasons.put(taskId, reason);
        endedReason = reasons;
      }
      LinkedHashSet<String> holding = new LinkedHashSet<>(running);
      holding.remove(taskId);
      running = holding;
      for (AwaitAgentTaskStep.Execution execution : new ArrayList<>(waiting())) {
        TaskGate.Decision decision = decideFor(gate, execution);
        decided.put(execution, decision);
        if (!(decision instanceof TaskGate.Wait)) {
          waiting().remove(execution);
        }
      }
    }
    try {
      save();
    } finally {
      // Taken off the waiting list above: they must hear, whatever the save did.
      decided.forEach(AwaitAgentTaskStep.Execution::decided);
    }
  }

  /** How each task that ended without running to its hand-off ended, for the merge's report. */
  public synchronized Map<String, TaskEnd> endedOnHost() {
    Map<String, TaskEnd> ends = new LinkedHashMap<>();
    endedStatus.forEach(
        (id, status) -> ends.put(id, new TaskEnd(TaskStatus.valueOf(status), endedReason.get(id))));
    return ends;
  }

  /** Must hold the lock: a start takes its slot before the next task is decided. */
  private TaskGate.Decision decideFor(TaskGate gate, AwaitAgentTaskStep.Execution execution) {
    Map<String, TaskStatus> ended = new LinkedHashMap<>();
    endedStatus.forEach((id, status) -> ended.put(id, TaskStatus.valueOf(status)));
    TaskGate.Decision decision = gate.decide(execution.taskId(), ended, running.size());
    if (decision instanceof TaskGate.Start) {
      LinkedHashSet<String> holding = new LinkedHashSet<>(running);
      holding.add(execution.taskId());
      running = holding;
    }
    return decision;
  }

  private TaskGate gate() throws AbortException {
    return new TaskGate(ParallelAgentsAction.of(run).plan());
  }

  private List<AwaitAgentTaskStep.Execution> waiting() {
    if (waiting == null) {
      waiting = new ArrayList<>();
    }
    return waiting;
  }

  /** One save per decision, not per poll; a failed save is logged, the steps still go on. */
  private void save() {
    try {
      run.save();
    } catch (IOException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "cannot save " + run + " after a scheduling decision", e);
    }
  }
}
