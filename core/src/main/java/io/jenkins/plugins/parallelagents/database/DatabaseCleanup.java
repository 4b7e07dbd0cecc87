package io.jenkins.plugins.parallelagents.database;

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
   * @throws DatabaseException when the server cannot be reached or refuses; the ledger is kept, so
   *     a later clean tries again
   */
  public static List<String> drop(DatabaseLedger ledger) throws DatabaseException {
    Optional<DatabaseLedger.Entries> entries = ledger.read();
    if (entries.isEmpty()) {
      return List.of();
    }
    DatabaseServer server;
    try {
      server = new DatabaseServer(DatabaseUrl.parse(entries.get().url()));
    } catch (IllegalArgumentException e) {
      throw new DatabaseException(ledger.file() + ": " + e.getMessage());
    }
    for (String name : entries.get().databases()) {
      server.drop(name);
    }
    ledger.delete();
    return entries.get().databases();
  }
}
