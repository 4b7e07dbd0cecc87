package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.report.RunDirectory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The runs of one repository, read from their folders under its {@link StateRoot}. A run whose
 * process died is marked {@code INTERRUPTED} before it is listed, so that nothing shows it as
 * running for ever.
 */
public final class RunCatalog {

  private final StateRoot root;

  public RunCatalog(StateRoot root) {
    this.root = root;
  }

  /** Every run with a readable report, newest first. */
  public List<RunEntry> list() {
    List<RunEntry> runs = new ArrayList<>();
    Path folder = root.root().resolve("runs");
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return runs;
    }
    try (DirectoryStream<Path> directories =
        Files.newDirectoryStream(folder, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
      for (Path directory : directories) {
        read(directory).ifPresent(runs::add);
      }
    } catch (IOException e) {
      // an unreadable runs folder lists as no runs: a run can still start
    }
    runs.sort(
        Comparator.comparing(RunEntry::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(RunEntry::id)
            .reversed());
    return runs;
  }

  /** The run of that id, if its report can be read. */
  public Optional<RunEntry> find(String id) {
    if (!RunIds.isValid(id)) {
      return Optional.empty();
    }
    return read(root.runDirectory(id));
  }

  /** The newest run. */
  public Optional<RunEntry> latest() {
    return list().stream().findFirst();
  }

  /** The run in {@code directory}, marked INTERRUPTED first if its process is gone. */
  private static Optional<RunEntry> read(Path directory) {
    return Optional.ofNullable(InterruptedRuns.current(directory))
        .map(
            report ->
                new RunEntry(
                    directory.getFileName().toString(), new RunDirectory(directory), report));
  }
}
