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
        if (markIfDead(directory)) {
          marked.add(directory.getFileName().toString());
        }
      }
    } catch (IOException e) {
      // a run directory that cannot be read is not this run's business: it starts all the same
    }
    return marked;
  }

  private static boolean markIfDead(Path directory) {
    Path json = new RunDirectory(directory).reportJson();
    try {
      if (!Files.isRegularFile(json)) {
        return false;
      }
      RunReport report = new ReportJson().read(json);
      RunInfo run = report.run();
      if (run == null || run.status() != RunStatus.RUNNING || run.owner() == null) {
        return false;
      }
      RunOwner owner = run.owner();
      if (!owner.isGone()) {
        return false;
      }
      // Its report was last written when the run last changed: the closest known end.
      Instant lastSeen = Files.getLastModifiedTime(json).toInstant();
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
      new ReportWriter()
          .writeAll(
              new RunReport(
                  report.schema(),
                  interrupted,
                  report.tasks(),
                  report.predictedConflicts(),
                  report.merge(),
                  report.test(),
                  report.publish(),
                  report.timing()),
              directory);
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // a half-written or foreign report: leave it for a person to read
    }
  }
}
