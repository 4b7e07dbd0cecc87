package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.database.DatabaseSource;
import io.jenkins.plugins.parallelagents.database.RunDatabases;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A distributed run's databases as one step on one node sees them. Every node computes the same
 * names from the run id and the task ids, and builds the URL from the plan's settings and its own
 * environment ({@link DatabaseSource}): steps hand each other no URL and no password, only the
 * work. The first foundation task's node makes the foundation's database, the last foundation
 * task's node copies it into the template once that task succeeded (before its hand-off exists, so
 * before any dependant can start: no two nodes race to make it), each other task's node makes the
 * task's copy as it prepares the task, and the merge node makes the combined test's and at its end
 * drops them all.
 */
final class NodeDatabases {

  private final Plan plan;
  private final RunDatabases databases;

  private NodeDatabases(Plan plan, RunDatabases databases) {
    this.plan = plan;
    this.databases = databases;
  }

  /**
   * The run's databases from this node; none for a plan without {@code environment.database}.
   * Nothing is connected to yet.
   *
   * @param environment the host's environment on this node: where {@code ${NAME}} and {@code
   *     PGPASSWORD} are taken from
   * @param top the checkout's top folder, where a plan's database commands run
   * @throws DatabaseException when the URL cannot be made here (a variable not set on this node)
   */
  static NodeDatabases open(
      NodeRun run, CommandRunner runner, Map<String, String> environment, Path top)
      throws DatabaseException {
    DatabaseSettings settings = run.plan().environment().database();
    if (settings == null) {
      return new NodeDatabases(run.plan(), RunDatabases.none());
    }
    return new NodeDatabases(
        run.plan(),
        RunDatabases.onNode(
            DatabaseSource.resolve(settings, environment),
            run.runId(),
            !run.plan().foundationTasks().isEmpty(),
            runner,
            top,
            run.directory().root().resolve("databases")));
  }

  boolean enabled() {
    return databases.enabled();
  }

  /**
   * Makes what task {@code task} works in as it is prepared: the first foundation task makes the
   * foundation's database, empty; the later ones go on in it; any other task gets a fresh copy of
   * the template.
   */
  void prepare(Task task) throws DatabaseException {
    if (!task.foundation()) {
      databases.prepare(task.id(), false);
      return;
    }
    List<Task> foundation = plan.foundationTasks();
    if (foundation.get(0).id().equals(task.id())) {
      databases.prepareFoundation(false);
    }
    databases.adopt(task.id(), true);
  }

  /** The variables of task {@code task}'s steps, with the password: for the node's own commands. */
  Map<String, String> variables(Task task) {
    databases.adopt(task.id(), task.foundation());
    return databases.variables(task.id());
  }

  /** The same without the password: for a prepared task, which the host keeps. */
  Map<String, String> kept(Task task) {
    databases.adopt(task.id(), task.foundation());
    return databases.withoutPassword(task.id());
  }

  /** The task's database as its report shows it, or {@code null}. */
  String shown(Task task) {
    databases.adopt(task.id(), task.foundation());
    return databases.shown(task.id());
  }

  /** After the last foundation task succeeded, its database becomes the run's template. */
  void succeeded(Task task) throws DatabaseException {
    List<Task> foundation = plan.foundationTasks();
    if (task.foundation() && foundation.get(foundation.size() - 1).id().equals(task.id())) {
      databases.snapshotFoundation();
    }
  }

  /** A fresh copy of the template for one run of the combined test; its variables. */
  Map<String, String> forTest() throws DatabaseException {
    return databases.forTest();
  }

  /** Drops every database of the run; returns their names. */
  List<String> dropAll() throws DatabaseException {
    return databases.dropAll(plan.tasks().stream().map(Task::id).toList());
  }
}
