package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Starts each fan-out task the moment all its needs are done (not wave by wave), with at most
 * {@code maxParallel} agents at once: a task takes one slot per attempt it runs at a time. Ready
 * tasks start in file order, none overtaking one that waits for slots. A task whose need failed is
 * skipped while independent tasks go on; with failFast a failure stops everything.
 */
final class TaskScheduler {

  private final List<Task> tasks;
  private final int maxParallel;
  private final boolean failFast;
  private final RunContext run;
  private final Function<Task, TaskReport> execute;

  TaskScheduler(
      List<Task> tasks,
      int maxParallel,
      boolean failFast,
      RunContext run,
      Function<Task, TaskReport> execute) {
    this.tasks = tasks;
    this.maxParallel = Math.max(1, maxParallel);
    this.failFast = failFast;
    this.run = run;
    this.execute = execute;
  }

  void runAll() {
    if (tasks.isEmpty()) {
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(maxParallel, tasks.size()),
            r -> {
              Thread t =
                  new Thread(r, "parallel-agents-" + run.runId() + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ExecutorCompletionService<TaskReport> done = new ExecutorCompletionService<>(pool);
    Map<String, Task> waiting = new LinkedHashMap<>();
    tasks.forEach(t -> waiting.put(t.id(), t));
    Map<String, Task> byId = new LinkedHashMap<>(waiting);
    int running = 0;
    int slotsInUse = 0;
    String stopReason = null;
    try {
      while (true) {
        if (stopReason == null && run.runner().isCancelled()) {
          stopReason = "the run was cancelled";
        }
        String budgetSpent = run.state().budgetSpent().orElse(null);
        if (stopReason == null && budgetSpent != null) {
          // Running tasks finish; nothing new starts once the budget is spent.
          skipAll(waiting, "not started: " + budgetSpent);
        } else if (stopReason == null) {
          skipBlocked(waiting);
          for (Task task : ready(waiting)) {
            if (slotsInUse + slots(task) > maxParallel) {
              break; // it waits for slots, and the tasks after it wait behind it
            }
            waiting.remove(task.id());
            done.submit(() -> execute.apply(task));
            running++;
            slotsInUse += slots(task);
          }
        } else {
          stopWaiting(waiting, stopReason);
        }
        if (running == 0) {
          break;
        }
        TaskReport finished = take(done);
        running--;
        slotsInUse -= slots(byId.get(finished.id()));
        run.state().task(finished);
        if (failFast && stopReason == null && !finished.status().isDone()) {
          stopReason = "failFast: task '" + finished.id() + "' " + finished.status();
          run.runner().cancelAll();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The agents a task runs at once: its attempts, which never exceed the run's slots. */
  private int slots(Task task) {
    return Math.min(task.attempts(), maxParallel);
  }

  private List<Task> ready(Map<String, Task> waiting) {
    List<Task> ready = new ArrayList<>();
    for (Task task : waiting.values()) {
      if (task.needs().stream().allMatch(need -> run.state().task(need).status().isDone())) {
        ready.add(task);
      }
    }
    return ready;
  }

  /** Skips, until nothing changes, every waiting task with a need that ended without success. */
  private void skipBlocked(Map<String, Task> waiting) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Task task : List.copyOf(waiting.values())) {
        for (String need : task.needs()) {
          TaskReport dependency = run.state().task(need);
          if (dependency.status().isFinal() && !dependency.status().isDone()) {
            waiting.remove(task.id());
            end(
                task,
                TaskStatus.SKIPPED,
                "needs '" + need + "', which " + describe(dependency.status()));
            changed = true;
            break;
          }
        }
      }
    }
  }

  private void skipAll(Map<String, Task> waiting, String reason) {
    for (Task task : List.copyOf(waiting.values())) {
      waiting.remove(task.id());
      end(task, TaskStatus.SKIPPED, reason);
    }
  }

  private void stopWaiting(Map<String, Task> waiting, String reason) {
    for (Task task : List.copyOf(waiting.values())) {
      waiting.remove(task.id());
      end(task, TaskStatus.CANCELLED, reason);
    }
  }

  private void end(Task task, TaskStatus status, String reason) {
    run.state().task(run.state().task(task.id()).notRun(status, reason));
  }

  private static String describe(TaskStatus status) {
    return switch (status) {
      case SKIPPED -> "was skipped";
      case TIMED_OUT -> "timed out";
      case CANCELLED -> "was cancelled";
      default -> "failed";
    };
  }

  private static TaskReport take(ExecutorCompletionService<TaskReport> done) {
    try {
      Future<TaskReport> next = done.take();
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tasks were running", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a task crashed: " + e.getCause(), e.getCause());
    }
  }
}
