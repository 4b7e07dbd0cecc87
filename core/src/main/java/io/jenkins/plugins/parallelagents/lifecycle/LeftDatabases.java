package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.database.DatabaseCleanup;
import io.jenkins.plugins.parallelagents.database.DatabaseException;
import io.jenkins.plugins.parallelagents.database.DatabaseLedger;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases of runs whose folder is gone (deleted by hand, say): no run lists them any more, so
 * only their ledger still leads to them. A run makes its folder before its first database, so a
 * ledger without a folder belongs to no live run.
 */
final class LeftDatabases {

  private static final String SUFFIX = ".json";

  private LeftDatabases() {}

  /**
   * Drops them, or in a dry run says it would; one entry per ledger.
   *
   * @param runner runs the drop command of a plan whose databases are made by commands
   */
  static List<CleanedRun> drop(StateRoot root, CommandRunner runner, boolean dryRun) {
    List<CleanedRun> done = new ArrayList<>();
    Path folder = root.root().resolve("databases");
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return done;
    }
    try (DirectoryStream<Path> ledgers = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path ledger : ledgers) {
        String name = ledger.getFileName().toString();
        String runId = name.substring(0, name.length() - SUFFIX.length());
        if (RunIds.isValid(runId) && !Files.exists(root.runDirectory(runId))) {
          done.add(drop(runId, ledger, runner, dryRun));
        }
      }
    } catch (IOException e) {
      // an unreadable folder leaves the databases for the next clean
    }
    return done;
  }

  private static CleanedRun drop(String runId, Path ledger, CommandRunner runner, boolean dryRun) {
    String reason = "its folder is gone; the databases it left";
    if (dryRun) {
      return new CleanedRun(runId, Action.REMOVE, reason + " would be dropped", List.of(), true);
    }
    try {
      DatabaseCleanup.drop(new DatabaseLedger(ledger), runner);
      return new CleanedRun(runId, Action.REMOVE, reason + " were dropped", List.of(), false);
    } catch (DatabaseException e) {
      return new CleanedRun(
          runId,
          Action.KEEP,
          reason + " could not be dropped, the next clean tries again: " + e.getMessage(),
          List.of(),
          false);
    }
  }
}
