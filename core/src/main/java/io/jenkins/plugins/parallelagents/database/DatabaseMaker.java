package io.jenkins.plugins.parallelagents.database;

import java.util.Map;

/**
 * Makes and drops the databases of one run on one engine: a PostgreSQL server the run drives itself
 * ({@link DatabaseServer}), or any engine through the plan's commands ({@link CommandDatabases}).
 * Names come from {@link DatabaseNames}: lowercase letters, digits and {@code _}.
 */
public interface DatabaseMaker {

  /** Tells an engine that cannot be used before any agent runs, where that can be told. */
  void check() throws DatabaseException;

  /**
   * Makes {@code name} as a copy of {@code template}, or empty when {@code template} is {@code
   * null}; an earlier database of that name is replaced.
   */
  void create(String name, String template) throws DatabaseException;

  /** Drops {@code name}; nothing when it does not exist. */
  void drop(String name) throws DatabaseException;

  /** Whether {@code name} exists, as far as the engine can tell. */
  boolean exists(String name) throws DatabaseException;

  /** The variables of the steps that work in {@code name}: at least its URL. */
  Map<String, String> variables(String name);

  /** {@code name}'s URL as a report shows it, its user information masked. */
  String shown(String name);

  /** What the ledger keeps so that a later clean can drop the databases without the plan. */
  DatabaseLedger.Dropper dropper();
}
