package io.jenkins.plugins.parallelagents.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.git.TaskRepositories;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <stateRoot>/archive/<run>/}: the reports of a removed run whose work was saved, kept as
 * long as its snapshots, so that a person can still read what the saved work was. {@code
 * snapshots.json} there says when the work was saved and under which refs.
 */
final class SnapshotArchive {

  static final String RECORD = "snapshots.json";

  /** The reports worth keeping; logs and prompts go with the run's folder. */
  private static final List<String> REPORTS =
      List.of(
          RunDirectory.REPORT_JSON,
          RunDirectory.REPORT_MD,
          RunDirectory.REPORT_HTML,
          RunDirectory.JUNIT_XML,
          RunDirectory.PLAN_JSON);

  /** What {@code snapshots.json} holds. */
  record Saved(String runId, Instant savedAt, List<SavedWork> saved) {}

  private final Path folder;
  private final ObjectMapper json = ReportJson.newMapper();

  SnapshotArchive(StateRoot root) {
    this.folder = root.root().resolve("archive");
  }

  Path of(String runId) {
    return folder.resolve(runId);
  }

  /** Copies the run's reports and records its saved work. */
  void archive(RunEntry run, Instant savedAt, List<SavedWork> saved) throws IOException {
    archive(run.id(), run.folder(), savedAt, saved);
  }

  /** Copies the reports in {@code runFolder} (any it has) and records the run's saved work. */
  void archive(String runId, Path runFolder, Instant savedAt, List<SavedWork> saved)
      throws IOException {
    Path target = Files.createDirectories(of(runId));
    for (String name : REPORTS) {
      Path report = runFolder.resolve(name);
      if (Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS)) {
        Files.copy(report, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    json.writeValue(target.resolve(RECORD).toFile(), new Saved(runId, savedAt, saved));
  }

  /** Every archived run with a readable record. */
  List<Saved> list() {
    List<Saved> all = new ArrayList<>();
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return all;
    }
    try (DirectoryStream<Path> runs =
        Files.newDirectoryStream(folder, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
      for (Path run : runs) {
        Path record = run.resolve(RECORD);
        if (Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)
            && RunIds.isValid(run.getFileName().toString())) {
          Saved saved = json.readValue(record.toFile(), Saved.class);
          // The folder's name, not the file's word, says which run's refs expire with it.
          all.add(new Saved(run.getFileName().toString(), saved.savedAt(), saved.saved()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + folder, e);
    }
    return all;
  }

  void remove(String runId) {
    TaskRepositories.remove(of(runId));
  }
}
