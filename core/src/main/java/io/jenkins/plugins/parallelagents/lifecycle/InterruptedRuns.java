package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.ReportWriter;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunOwner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the runs of a repository whose process died before they ended (killed, the machine
 * rebooted) and marks them {@link RunStatus#INTERRUPTED}, so that no report says {@code RUNNING}
 * for ever. Called when a run starts; hosts that list runs may call it too.
 */
public final class InterruptedRuns {

  private InterruptedRuns() {}

  /**
   * Marks every run under {@code root} that is {@code RUNNING} but whose owner process is gone as
   * {@code INTERRUPTED}, and writes its reports (Markdown, HTML, JUnit too, which it never wrote).
   * A run of another machine, or without a recorded owner, is left as it is.
   *
   * @return the ids of the runs marked now
   */
  public static List<String> markDead(StateRoot root) {
    List<String> marked = new ArrayList<>();
    Path runs = root.root().resolve("runs");
    if (!Files.isDirectory(runs)) {
      return marked;
    }
    try (DirectoryStream<Path> directories = Files.newDirectoryStream(runs, Files::isDirectory)) {
      for (Path directory : directories) {
        RunReport before = read(directory);
        if (before != null && markIfDead(directory, before) != before) {
          marked.add(directory.getFileName().toString());
        }
      }
    } catch (IOException e) {
      // a run directory that cannot be read is not this run's business: it starts all the same
    }
    return marked;
  }

  /**
   * The report of the run in {@code directory} as it stands, marked {@code INTERRUPTED} first if
   * its process is gone; {@code null} when there is no readable report.
   */
  static RunReport current(Path directory) {
    RunReport report = read(directory);
    return report == null ? null : markIfDead(directory, report);
  }

  private static RunReport read(Path directory) {
    Path json = new RunDirectory(directory).reportJson();
    if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      RunReport report = new ReportJson().read(json);
      return report.run() == null ? null : report;
    } catch (IOException | RuntimeException e) {
      return null; // half-written or foreign: not a run to act on
    }
  }

  /** {@code report} itself, or its interrupted version once written. */
  private static RunReport markIfDead(Path directory, RunReport report) {
    RunInfo run = report.run();
    if (run.status() != RunStatus.RUNNING || run.owner() == null) {
      return report;
    }
    RunOwner owner = run.owner();
    if (!owner.isGone()) {
      return report;
    }
    try {
      // Its report was last written when the run last changed: the closest known end.
      Instant lastSeen =
          Files.getLastModifiedTime(new RunDirectory(directory).reportJson()).toInstant();
      RunInfo interrupted =
          new RunInfo(
              run.id(),
              run.name(),
              RunStatus.INTERRUPTED,
              "the process running it (pid "
                  + owner.pid()
                  + " on "
                  + owner.host()
                  + ") ended before the run did",
              run.base(),
              run.target(),
              run.startedAt(),
              lastSeen,
              run.directory(),
              owner);
      RunReport marked =
          new RunReport(
              report.schema(),
              interrupted,
              report.tasks(),
              report.predictedConflicts(),
              report.merge(),
              report.test(),
              report.publish(),
              report.timing(),
              report.budget());
      new ReportWriter().writeAll(marked, directory);
      return marked;
    } catch (IOException | RuntimeException e) {
      return report; // leave it for a person to read
    }
  }
}
