package io.jenkins.plugins.parallelagents.report;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one test case per task, plus {@code merge} and {@code test}, so any CI system
 * shows a run's outcome per task without knowing this tool.
 */
public final class JunitXmlReport {

  private static final String TASK_CLASS = "tasks";
  private static final String PHASE_CLASS = "run";
  private static final String SET_ASIDE_CLASS = "set-aside";

  /** What one test case says. {@code outcome} is null when it passed. */
  private record Case(
      String classname,
      String name,
      long durationMs,
      Outcome outcome,
      String message,
      String body) {}

  private enum Outcome {
    FAILURE,
    SKIPPED
  }

  /** The report as a JUnit XML document. */
  public String render(RunReport report) {
    return render(report, Set.of());
  }

  /**
   * The report without the cases of {@code recordedElsewhere}: tasks whose own case (see {@link
   * #renderTask}) a host recorded where the task ran, so that no task counts twice.
   */
  public String render(RunReport report, Set<String> recordedElsewhere) {
    List<Case> cases = new ArrayList<>();
    RunInfo run = report.run();
    String interrupted = run != null && run.status() == RunStatus.INTERRUPTED ? run.reason() : null;
    report.tasks().stream()
        .filter(task -> !recordedElsewhere.contains(task.id()))
        .forEach(task -> cases.add(taskCase(task, interrupted)));
    cases.add(mergeCase(report.merge()));
    if (report.merge() != null) {
      report.merge().setAside().forEach(aside -> cases.add(setAsideCase(aside)));
    }
    cases.add(testCase(report.test()));
    String runName = report.run() == null ? "" : report.run().name();
    long makespan = report.timing() == null ? 0 : report.timing().makespanMs();
    Instant started = report.run() == null ? null : report.run().startedAt();
    return document(runName, makespan, started, cases);
  }

  /** One task's case alone: what a host records where the task ran, as soon as it ends. */
  public String renderTask(String runName, TaskReport task) {
    return document(runName, task.durationMs(), task.startedAt(), List.of(taskCase(task, null)));
  }

  private static String document(
      String runName, long durationMs, Instant started, List<Case> cases) {
    try {
      return write(runName, durationMs, started, cases);
    } catch (XMLStreamException e) {
      // Writing to a StringWriter has no I/O to fail; only a programming error gets here.
      throw new IllegalStateException("cannot write junit.xml", e);
    }
  }

  /**
   * @param interrupted the reason of a run whose process died, or null: its unfinished tasks never
   *     will finish, so they fail rather than skip
   */
  private static Case taskCase(TaskReport task, String interrupted) {
    String reason = task.reason() != null ? task.reason() : task.status().name();
    boolean unfinished = !task.status().isFinal();
    Outcome outcome =
        switch (task.status()) {
          case FAILED, TIMED_OUT, CANCELLED -> Outcome.FAILURE;
          case PENDING, RUNNING -> interrupted != null ? Outcome.FAILURE : Outcome.SKIPPED;
          case SKIPPED -> Outcome.SKIPPED;
          case SUCCEEDED, NO_CHANGES -> null;
        };
    String message = reason;
    if (unfinished) {
      message =
          interrupted != null
              ? "interrupted while " + task.status() + ": " + interrupted
              : "not finished (" + task.status() + ")";
    }
    return new Case(TASK_CLASS, task.id(), task.durationMs(), outcome, message, attemptsText(task));
  }

  /** Every attempt on its own line, so a CI log shows which one failed and how. */
  private static String attemptsText(TaskReport task) {
    return task.attempts().stream()
            .map(
                a ->
                    "attempt "
                        + a.n()
                        + ": "
                        + a.status()
                        + (a.exitCode() == null ? "" : " (exit " + a.exitCode() + ")")
                        + " in "
                        + Durations.format(a.durationMs())
                        + (a.reason() == null ? "" : " - " + a.reason())
                        + (isChosen(task, a) ? " (chosen)" : ""))
            .collect(Collectors.joining("\n"))
        + task.attempts().stream()
            .filter(a -> a.failure() != null)
            .map(a -> "\n\nattempt " + a.n() + " printed:" + excerptText(a.failure()))
            .collect(Collectors.joining());
  }

  /** A task left out of the combined commit fails a case of its own that says why. */
  private static Case setAsideCase(SetAside aside) {
    List<String> lines = new ArrayList<>(List.of("cause: " + aside.cause()));
    if (!aside.with().isEmpty()) {
      lines.add("with: " + String.join(", ", aside.with()));
    }
    if (!aside.files().isEmpty()) {
      lines.add("files: " + String.join(", ", aside.files()));
    }
    if (!aside.failingTests().isEmpty()) {
      lines.add("failing tests: " + String.join(", ", aside.failingTests()));
    }
    return new Case(
        SET_ASIDE_CLASS,
        aside.task(),
        0,
        Outcome.FAILURE,
        aside.reason(),
        String.join("\n", lines));
  }

  /** The failing tests, then the last lines, as a failure body shows them. */
  private static String excerptText(FailureExcerpt failure) {
    if (failure == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (!failure.failingTests().isEmpty()) {
      text.append("\nfailing tests:");
      failure.failingTests().forEach(t -> text.append("\n  ").append(t));
    }
    if (!failure.lastLines().isEmpty()) {
      text.append("\nlast lines:\n").append(String.join("\n", failure.lastLines()));
    }
    return text.toString();
  }

  private static boolean isChosen(TaskReport task, AttemptReport attempt) {
    return task.attempts().size() > 1
        && task.chosenAttempt() != null
        && task.chosenAttempt() == attempt.n();
  }

  private static Case mergeCase(MergeReport merge) {
    if (merge == null) {
      return new Case(PHASE_CLASS, "merge", 0, Outcome.SKIPPED, "not run", "");
    }
    String body = String.join("\n", conflictLines(merge));
    return switch (merge.status()) {
      case MERGED, RESOLVED -> new Case(PHASE_CLASS, "merge", merge.durationMs(), null, null, body);
      case CONFLICT, FAILED, PARTIAL -> {
        String message =
            merge.conflicts().isEmpty()
                ? orStatus(merge.reason(), merge.status())
                : String.join("; ", conflictLines(merge));
        yield new Case(
            PHASE_CLASS, "merge", merge.durationMs(), Outcome.FAILURE, message, reasonAnd(merge));
      }
      case SKIPPED, PENDING ->
          new Case(
              PHASE_CLASS,
              "merge",
              merge.durationMs(),
              Outcome.SKIPPED,
              orStatus(merge.reason(), merge.status()),
              "");
    };
  }

  private static String reasonAnd(MergeReport merge) {
    List<String> lines = new ArrayList<>();
    if (merge.reason() != null) {
      lines.add(merge.reason());
    }
    lines.addAll(conflictLines(merge));
    return String.join("\n", lines);
  }

  private static List<String> conflictLines(MergeReport merge) {
    return merge.conflicts().stream()
        .map(
            c -> {
              String line =
                  "conflict merging task '" + c.task() + "' in " + String.join(", ", c.files());
              return c.with().isEmpty()
                  ? line
                  : line + " (also changed by " + String.join(", ", c.with()) + ")";
            })
        .toList();
  }

  private static Case testCase(TestReport test) {
    if (test == null) {
      return new Case(PHASE_CLASS, "test", 0, Outcome.SKIPPED, "not run", "");
    }
    String command = test.command() == null ? "" : "'" + test.command() + "' ";
    return switch (test.status()) {
      case PASSED -> new Case(PHASE_CLASS, "test", test.durationMs(), null, null, "");
      case FAILED ->
          new Case(
              PHASE_CLASS,
              "test",
              test.durationMs(),
              Outcome.FAILURE,
              "test command " + command + "failed with exit code " + test.exitCode(),
              orStatus(test.reason(), test.status()) + excerptText(test.failure()));
      case TIMED_OUT ->
          new Case(
              PHASE_CLASS,
              "test",
              test.durationMs(),
              Outcome.FAILURE,
              "test command "
                  + command
                  + "timed out after "
                  + Durations.format(test.durationMs())
                  + (test.exitCode() == null ? "" : " (exit code " + test.exitCode() + ")"),
              orStatus(test.reason(), test.status()) + excerptText(test.failure()));
      case SKIPPED, PENDING ->
          new Case(
              PHASE_CLASS,
              "test",
              test.durationMs(),
              Outcome.SKIPPED,
              orStatus(test.reason(), test.status()),
              "");
    };
  }

  private static String orStatus(String reason, Enum<?> status) {
    return reason != null ? reason : status.name();
  }

  private static String write(String runName, long durationMs, Instant started, List<Case> cases)
      throws XMLStreamException {
    StringWriter text = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", Escape.xmlSafe("parallel-agents: " + runName));
    xml.writeAttribute("tests", Integer.toString(cases.size()));
    xml.writeAttribute("failures", Long.toString(count(cases, Outcome.FAILURE)));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(count(cases, Outcome.SKIPPED)));
    xml.writeAttribute("time", Durations.seconds(durationMs));
    if (started != null) {
      xml.writeAttribute("timestamp", started.toString());
    }
    for (Case c : cases) {
      xml.writeCharacters("\n  ");
      writeCase(xml, c);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
    return text.toString();
  }

  private static long count(List<Case> cases, Outcome outcome) {
    return cases.stream().filter(c -> c.outcome() == outcome).count();
  }

  private static void writeCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
    boolean empty = c.outcome() == null && c.body().isEmpty();
    if (empty) {
      xml.writeEmptyElement("testcase");
    } else {
      xml.writeStartElement("testcase");
    }
    xml.writeAttribute("classname", c.classname());
    xml.writeAttribute("name", Escape.xmlSafe(c.name()));
    xml.writeAttribute("time", Durations.seconds(c.durationMs()));
    if (empty) {
      return;
    }
    if (c.outcome() != null) {
      xml.writeCharacters("\n    ");
      xml.writeStartElement(c.outcome() == Outcome.FAILURE ? "failure" : "skipped");
      xml.writeAttribute("message", Escape.xmlSafe(c.message()));
      if (c.outcome() == Outcome.FAILURE && !c.body().isEmpty()) {
        xml.writeCharacters(Escape.xmlSafe(c.body()));
      }
      xml.writeEndElement();
    }
    if (c.outcome() != Outcome.FAILURE && !c.body().isEmpty()) {
      // Passing and skipped cases keep their detail (attempts, resolved conflicts) as output.
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(Escape.xmlSafe(c.body()));
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }
}
