package io.jenkins.plugins.parallelagents.database;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which databases one run created, and how to drop them: written before each is created, so that a
 * clean after a crash still finds them. It holds the PostgreSQL server's URL with its password,
 * like a {@code .pgpass} file, or the plan's {@code drop} command and the folder it runs in: it is
 * readable by its owner only, and kept out of the run's folder, whose files are shared as reports.
 */
public final class DatabaseLedger {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The file's content; a ledger written before the commands form has only {@code url}.
   *
   * @param url the PostgreSQL server, or {@code null}
   * @param drop the plan's command that drops a database, or {@code null}
   * @param directory where {@code drop} runs
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entries(String url, List<String> databases, CommandSpec drop, String directory) {

    Dropper dropper() {
      return new Dropper(url, drop, directory);
    }
  }

  /**
   * How to drop the databases later: on a PostgreSQL server ({@code url}), or with the plan's
   * {@code drop} command, run in {@code directory}.
   */
  public record Dropper(String url, CommandSpec drop, String directory) {}

  private final Path file;

  public DatabaseLedger(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Adds {@code name}, dropped by {@code dropper}; the ledger of a run names one engine. */
  public synchronized void record(Dropper dropper, String name) throws DatabaseException {
    Set<String> names = new LinkedHashSet<>(read().map(Entries::databases).orElse(List.of()));
    if (names.add(name)) {
      write(
          new Entries(dropper.url(), new ArrayList<>(names), dropper.drop(), dropper.directory()));
    }
  }

  /** The server and the databases recorded, if any. */
  public synchronized Optional<Entries> read() throws DatabaseException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), Entries.class));
    } catch (IOException e) {
      throw new DatabaseException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Forgets the run's databases, once they are dropped. */
  public synchronized void delete() throws DatabaseException {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new DatabaseException("cannot delete " + file + ": " + e.getMessage());
    }
  }

  private void write(Entries entries) throws DatabaseException {
    try {
      Files.createDirectories(file.getParent());
      PrivateFiles.write(file, JSON.writeValueAsString(entries));
    } catch (IOException e) {
      throw new DatabaseException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
