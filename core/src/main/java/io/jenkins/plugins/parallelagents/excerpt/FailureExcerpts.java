package io.jenkins.plugins.parallelagents.excerpt;

import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import io.jenkins.plugins.parallelagents.report.StepTime;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a failed step's log into an excerpt a report can show: its last lines and the failing tests
 * it names. The log is read once, line by line, however large it is; every test format sees each
 * line as it goes by.
 */
public final class FailureExcerpts {

  /** How many of the log's last lines an excerpt keeps. */
  public static final int LAST_LINES = 20;

  /** The attempt steps that run a command with a log, in the order they run. */
  private static final List<String> COMMAND_STEPS = List.of("setup", "agent", "verify");

  private FailureExcerpts() {}

  /** The excerpt of {@code log}; empty when the file is missing or unreadable. */
  public static FailureExcerpt of(Path log) {
    Deque<String> last = new ArrayDeque<>();
    List<LogFormat> formats =
        List.of(
            new TapFailures(),
            new SurefireFailures(),
            new PytestFailures(),
            new GoTestFailures(),
            new JestFailures());
    try {
      LogLines.read(
          log,
          line -> {
            formats.forEach(format -> format.line(line));
            if (!line.isBlank()) {
              last.addLast(line);
              if (last.size() > LAST_LINES) {
                last.removeFirst();
              }
            }
          });
    } catch (IOException | UncheckedIOException e) {
      // a log that cannot be read has no excerpt; the step's reason still says it failed
    }
    FailingTests names = new FailingTests();
    formats.forEach(format -> format.names(names));
    return new FailureExcerpt(new ArrayList<>(last), names.toList());
  }

  /**
   * The excerpt of {@code log}, naming the failing tests of the JUnit XML reports the command wrote
   * into {@code tree} since {@code since} when there are any: they name each test with its class,
   * where a console summary often shortens it. Without such reports, the log's names stand.
   */
  public static FailureExcerpt of(Path log, Path tree, Instant since) {
    FailureExcerpt fromLog = of(log);
    FailingTests names = new FailingTests();
    for (Path report : JunitXmlFiles.find(tree, since)) {
      if (names.isFull()) {
        break;
      }
      JunitXmlFailures.read(report, names);
    }
    return names.isEmpty() ? fromLog : new FailureExcerpt(fromLog.lastLines(), names.toList());
  }

  /**
   * The excerpt of the step that failed an attempt (its setup, agent or verify: the last of them
   * that ran), or {@code null} when the attempt did not fail in one of them: it passed, changed
   * nothing, or was stopped by a check after its commands had passed.
   *
   * @param steps the steps the attempt ran, by key, in the order they ran
   * @param exitCode the exit code of the step that decided the attempt, or {@code null}
   * @param stepLog where the log of a step (by key) is
   */
  public static FailureExcerpt ofAttempt(
      TaskStatus status,
      Integer exitCode,
      Map<String, StepTime> steps,
      Function<String, Path> stepLog) {
    if (status == TaskStatus.SUCCEEDED || status == TaskStatus.NO_CHANGES) {
      return null;
    }
    if (exitCode != null && exitCode == 0) {
      return null; // its commands passed; what failed it was no command of its own
    }
    String failed = null;
    for (String step : steps.keySet()) {
      if (COMMAND_STEPS.contains(step)) {
        failed = step;
      }
    }
    return failed == null ? null : of(stepLog.apply(failed));
  }
}
