package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One run of a repository as its folder holds it.
 *
 * @param id the run's id, its folder's name
 * @param directory the run's folder
 * @param report its {@code report.json} as last written
 */
public record RunEntry(String id, RunDirectory directory, RunReport report) {

  public RunStatus status() {
    return report.run().status();
  }

  public Instant startedAt() {
    return report.run().startedAt();
  }

  /** When it ended, or {@code null} while it runs. */
  public Instant finishedAt() {
    return report.run().finishedAt();
  }

  /** A run still going on: its process is alive (or runs on another machine). */
  public boolean inProgress() {
    return status() == RunStatus.RUNNING;
  }

  public Path folder() {
    return directory.root();
  }
}
