package io.jenkins.plugins.parallelagents.database;

import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Drops the databases a run recorded in its ledger, then the ledger. The caller makes sure the run
 * has ended: a live run's databases are in use.
 */
public final class DatabaseCleanup {

  private DatabaseCleanup() {}

  /**
   * Drops every database of {@code ledger}; returns their names (none without a ledger).
   *
   * @param runner runs the plan's {@code drop} command, for a run that had one
   * @throws DatabaseException when the server cannot be reached or refuses, or the drop command
   *     fails; the ledger is kept, so a later clean tries again
   */
  public static List<String> drop(DatabaseLedger ledger, CommandRunner runner)
      throws DatabaseException {
    Optional<DatabaseLedger.Entries> entries = ledger.read();
    if (entries.isEmpty()) {
      return List.of();
    }
    DatabaseMaker maker = maker(ledger, entries.get().dropper(), runner);
    for (String name : entries.get().databases()) {
      maker.drop(name);
    }
    ledger.delete();
    return entries.get().databases();
  }

  private static DatabaseMaker maker(
      DatabaseLedger ledger, DatabaseLedger.Dropper dropper, CommandRunner runner)
      throws DatabaseException {
    if (dropper.drop() != null) {
      return CommandDatabases.dropping(dropper.drop(), Path.of(dropper.directory()), runner);
    }
    if (dropper.url() == null) {
      throw new DatabaseException(ledger.file() + ": names no server and no drop command");
    }
    try {
      return new DatabaseServer(DatabaseUrl.parse(dropper.url()));
    } catch (IllegalArgumentException e) {
      throw new DatabaseException(ledger.file() + ": " + e.getMessage());
    }
  }
}
