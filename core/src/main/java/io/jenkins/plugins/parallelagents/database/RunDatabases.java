package io.jenkins.plugins.parallelagents.database;

import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's databases on the plan's engine: a PostgreSQL server, or any engine through the plan's
 * commands. The foundation tasks migrate a database the run owns ({@code pa_<run>_foundation}, made
 * empty): the database the plan's URL names is only connected to, never changed. Once the
 * foundation succeeded, its database is copied into a template, and every other task and every
 * combined test run gets a copy of that template, in seconds and without migrating again. Every
 * database is recorded in the {@link DatabaseLedger} before it is made. Thread-safe: tasks ask for
 * their databases at the same time.
 */
public final class RunDatabases {

  private final DatabaseMaker maker;
  private final DatabaseNames names;
  private final DatabaseLedger ledger;
  private final List<String> variables;

  /** Where the tasks' and tests' copies come from: the template, or nothing (made empty). */
  private final boolean templated;

  private final Map<String, String> tasks = new ConcurrentHashMap<>();

  private RunDatabases(
      DatabaseMaker maker,
      DatabaseNames names,
      DatabaseLedger ledger,
      List<String> variables,
      boolean templated) {
    this.maker = maker;
    this.names = names;
    this.ledger = ledger;
    this.variables = variables;
    this.templated = templated;
  }

  /** For a plan without {@code environment.database}: no databases, no variables. */
  public static RunDatabases none() {
    return new RunDatabases(null, null, null, List.of(), true);
  }

  /**
   * The databases of run {@code runId} on the engine of {@code settings}: its PostgreSQL server,
   * which must answer now, or its commands.
   *
   * @param ledger where the run records the databases it makes
   * @param runner runs the plan's database commands
   * @param directory where they run: the repository's top folder
   * @param logs the folder their output goes to, one log per database
   */
  public static RunDatabases open(
      DatabaseSettings settings,
      String runId,
      Path ledger,
      CommandRunner runner,
      Path directory,
      Path logs)
      throws DatabaseException {
    DatabaseLedger records = new DatabaseLedger(ledger);
    DatabaseMaker maker =
        settings.commands() != null
            ? CommandDatabases.of(settings, directory, runner, logs, records)
            : server(settings);
    maker.check();
    return new RunDatabases(maker, new DatabaseNames(runId), records, settings.variables(), true);
  }

  /**
   * The databases of run {@code runId} for one step of a distributed run, on one node: the same
   * names on every node, so that no step hands another more than the names. Nothing is recorded in
   * a ledger, which would keep the password on the node: {@link #dropAll} drops them by name.
   *
   * @param settings the plan's settings {@linkplain DatabaseSource#resolve resolved} on this node
   * @param templated whether the plan has foundation tasks, whose database becomes the template;
   *     without, every copy is made empty, as the template would be, and no node has to make it
   */
  public static RunDatabases onNode(
      DatabaseSettings settings,
      String runId,
      boolean templated,
      CommandRunner runner,
      Path directory,
      Path logs)
      throws DatabaseException {
    DatabaseMaker maker =
        settings.commands() != null
            ? CommandDatabases.of(settings, directory, runner, logs, null)
            : server(settings);
    return new RunDatabases(maker, new DatabaseNames(runId), null, settings.variables(), templated);
  }

  private static DatabaseServer server(DatabaseSettings settings) throws DatabaseException {
    DatabaseUrl url;
    try {
      url = DatabaseUrl.parse(settings.url());
    } catch (IllegalArgumentException e) {
      throw new DatabaseException(e.getMessage());
    }
    return new DatabaseServer(url);
  }

  public boolean enabled() {
    return maker != null;
  }

  /**
   * Makes the foundation's database, empty, unless {@code keep} and it exists from an earlier try
   * of this run (whose foundation is kept).
   */
  public void prepareFoundation(boolean keep) throws DatabaseException {
    if (!enabled()) {
      return;
    }
    String foundation = names.foundation();
    if (keep && maker.exists(foundation)) {
      return;
    }
    make(foundation, null);
  }

  /** The variables of the foundation tasks' steps. */
  public Map<String, String> foundation() {
    return enabled() ? variablesOf(names.foundation()) : Map.of();
  }

  /** Copies the migrated foundation into the run's template; the foundation must have ended. */
  public void snapshotFoundation() throws DatabaseException {
    if (enabled()) {
      make(names.template(), names.foundation());
    }
  }

  /**
   * Readies task {@code taskId}'s database: a foundation task works in the foundation's, any other
   * gets its own copy of the template, made now (again, when the task runs again).
   */
  public void prepare(String taskId, boolean foundation) throws DatabaseException {
    if (!enabled()) {
      return;
    }
    String name = foundation ? names.foundation() : names.task(taskId);
    if (!foundation) {
      make(name, source());
    }
    tasks.put(taskId, name);
  }

  /**
   * Takes task {@code taskId}'s database as made by an earlier step of the task, maybe in another
   * process: {@link #variables} then gives its variables, and nothing is made.
   */
  public void adopt(String taskId, boolean foundation) {
    if (enabled()) {
      tasks.put(taskId, foundation ? names.foundation() : names.task(taskId));
    }
  }

  /**
   * The variables of task {@code taskId}'s steps without the password: for a host that keeps them
   * (a pipeline block's environment). libpq's tools take the password from {@code PGPASSWORD} of
   * the node's own environment.
   */
  public Map<String, String> withoutPassword(String taskId) {
    Map<String, String> env = new LinkedHashMap<>(variables(taskId));
    env.remove(DatabaseSource.PASSWORD_VARIABLE);
    env.replaceAll((name, value) -> DatabaseSource.withoutPassword(value));
    return env;
  }

  /**
   * Drops every database of the run: the foundation, the template, the test's, those of {@code
   * taskIds}, and on a PostgreSQL server any other whose name has the run's prefix. Returns the
   * names dropped.
   */
  public List<String> dropAll(Collection<String> taskIds) throws DatabaseException {
    if (!enabled()) {
      return List.of();
    }
    Set<String> all = new LinkedHashSet<>();
    for (String taskId : taskIds) {
      all.add(names.task(taskId));
    }
    all.addAll(List.of(names.test(), names.template(), names.foundation()));
    if (maker instanceof DatabaseServer server) {
      all.addAll(server.databases(names.prefix()));
    }
    for (String name : all) {
      maker.drop(name);
    }
    return List.copyOf(all);
  }

  /** The variables of task {@code taskId}'s steps, once {@link #prepare}d; none before. */
  public Map<String, String> variables(String taskId) {
    String name = tasks.get(taskId);
    return name == null ? Map.of() : variablesOf(name);
  }

  /** Makes a fresh copy of the template for one combined test run; returns its variables. */
  public Map<String, String> forTest() throws DatabaseException {
    if (!enabled()) {
      return Map.of();
    }
    make(names.test(), source());
    return variablesOf(names.test());
  }

  /** Task {@code taskId}'s database as the report shows it: its URL, password masked. */
  public String shown(String taskId) {
    String name = tasks.get(taskId);
    return name == null ? null : maker.shown(name);
  }

  /**
   * {@code environment} with the password of {@code settings}' URL added under a secret name, so
   * that the run masks it wherever it appears, whatever the form it is printed in.
   */
  public static Map<String, String> withPassword(
      Map<String, String> environment, DatabaseSettings settings) {
    if (settings == null) {
      return environment;
    }
    String password;
    try {
      password =
          settings.commands() != null
              ? CommandDatabases.password(settings.url())
              : DatabaseUrl.parse(settings.url()).password();
    } catch (IllegalArgumentException e) {
      return environment;
    }
    if (password == null || password.isEmpty()) {
      return environment;
    }
    Map<String, String> with = new LinkedHashMap<>(environment);
    with.put("PARALLEL_AGENTS_DATABASE_PASSWORD", password);
    return with;
  }

  private String source() {
    return templated ? names.template() : null;
  }

  private void make(String name, String template) throws DatabaseException {
    if (ledger != null) {
      ledger.record(maker.dropper(), name);
    }
    maker.create(name, template);
  }

  /** The engine's variables, and the plan's names for the URL. */
  private Map<String, String> variablesOf(String database) {
    Map<String, String> env = new LinkedHashMap<>(maker.variables(database));
    String url = env.get(DatabaseSettings.URL_VARIABLE);
    variables.forEach(name -> env.put(name, url));
    return env;
  }
}
