package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.StepTime;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each attempt's steps, timed where they run: in report.json, in report.html, as events. */
class StepTimingTest extends EngineTestBase {

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final RunListener listener =
      new RunListener() {
        @Override
        public void stepStarted(String taskId, int attempt, String step) {
          events.add(taskId + "#" + attempt + " " + step);
        }
      };

  @Test
  void everyStep_isInReportJson_inTheOrderItRan_withinItsAttempt() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(task("api", 1, "sleep 0.2", "sleep 0.2"), "sleep 1 && echo x > api.txt")
                .build(),
            repo,
            listener);

    assertThat(report.run().status()).as(report.run().reason()).isEqualTo(RunStatus.SUCCEEDED);
    RunReport onDisk = new ReportJson().read(runDirectory(report).resolve("report.json"));
    TaskReport api = onDisk.task("api").orElseThrow();
    AttemptReport attempt = api.attempts().get(0);
    Map<String, StepTime> steps = attempt.steps();
    assertThat(steps.keySet()).containsExactly("setup", "agent", "commit", "verify", "collect");
    assertOneAfterAnother(attempt);
    // each sleep lands in its own step: none is shorter than what its command slept
    assertThat(steps.get("setup").durationMs()).isGreaterThanOrEqualTo(200);
    assertThat(steps.get("agent").durationMs()).isGreaterThanOrEqualTo(1_000);
    assertThat(steps.get("verify").durationMs()).isGreaterThanOrEqualTo(200);
    assertThat(attempt.startedAt()).isBetween(api.startedAt(), api.finishedAt());
    assertThat(attempt.startedAt().plusMillis(attempt.durationMs()))
        .isBeforeOrEqualTo(api.finishedAt());
    assertThat(onDisk.timing().taskStepsMs().keySet())
        .containsExactly("worktrees", "setup", "agent", "commit", "verify", "collect", "diffs");
    assertThat(events)
        .containsExactly(
            "api#1 setup", "api#1 agent", "api#1 commit", "api#1 verify", "api#1 collect");
  }

  @Test
  void failedAgent_hasItsWorkCommitted_andNoVerify() throws Exception {
    RunReport report =
        engine.run(
            new Plans().add(task("api", 1, null, "true"), "echo x > api.txt; exit 3").build(),
            repo,
            listener);

    AttemptReport attempt = report.task("api").orElseThrow().attempts().get(0);
    assertThat(attempt.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(attempt.steps().keySet()).containsExactly("agent", "commit", "collect");
    assertOneAfterAnother(attempt);
    assertThat(events).containsExactly("api#1 agent", "api#1 commit", "api#1 collect");
  }

  @Test
  void severalAttempts_eachTimeTheirOwnSteps() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(task("api", 2, null, null), "echo \"$AGENT_ATTEMPT\" > api.txt")
                .build(),
            repo,
            listener);

    List<AttemptReport> attempts = report.task("api").orElseThrow().attempts();
    assertThat(attempts).hasSize(2);
    for (AttemptReport attempt : attempts) {
      assertThat(attempt.steps().keySet()).containsExactly("agent", "commit", "collect");
      assertOneAfterAnother(attempt);
      assertThat(events)
          .filteredOn(event -> event.startsWith("api#" + attempt.n() + " "))
          .containsExactly(
              "api#" + attempt.n() + " agent",
              "api#" + attempt.n() + " commit",
              "api#" + attempt.n() + " collect");
    }
  }

  @Test
  void reportHtml_drawsEachTaskOnTheTimeline_withItsSteps() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .foundation("db", "echo schema > db.sql")
                .add(task("api", 1, "true", "true"), "echo x > api.txt")
                .task("web", "echo y > web.txt", "db")
                .build(),
            repo);

    String html = Files.readString(runDirectory(report).resolve("report.html"));
    String timeline = html.substring(html.indexOf("class=\"timeline\""));
    timeline = timeline.substring(0, timeline.indexOf("</svg>"));
    for (String id : List.of("db", "api", "web")) {
      String row =
          timeline.substring(
              timeline.indexOf("<g class=\"timeline-row\" data-task=\"" + id + "\""));
      row = row.substring(0, row.indexOf("</g>"));
      assertThat(row).as(id).contains("data-step=\"agent\"").contains("data-step=\"commit\"");
    }
    assertThat(timeline.split("<g class=\"timeline-row\"", -1)).hasSize(4);
  }

  /** No step starts before the one before it ended, and together they fit in the attempt. */
  private static void assertOneAfterAnother(AttemptReport attempt) {
    long end = 0;
    long sum = 0;
    for (StepTime step : attempt.steps().values()) {
      assertThat(step.offsetMs()).isGreaterThanOrEqualTo(end);
      end = step.endMs();
      sum += step.durationMs();
    }
    assertThat(end).isLessThanOrEqualTo(attempt.durationMs());
    assertThat(sum).isLessThanOrEqualTo(attempt.durationMs());
  }

  private static Path runDirectory(RunReport report) {
    return Path.of(report.run().directory());
  }

  private static Task task(String id, int attempts, String setup, String verify) {
    return new Task(
        id,
        "Task " + id,
        false,
        List.of(),
        "Do task " + id + ".",
        List.of(),
        "agent-" + id,
        Duration.ofMinutes(2),
        attempts,
        setup == null ? null : CommandSpec.shell(setup),
        verify == null ? null : CommandSpec.shell(verify),
        null);
  }
}
