package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.RunInfo;
import io.jenkins.plugins.parallelagents.report.RunOwner;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runs} and {@code show} on the runs that real {@code run} commands left. */
class RunsAndShowCommandTest {

  @TempDir Path dir;

  private Path repo;
  private Host host;

  @BeforeEach
  void repository() throws Exception {
    repo = Files.createDirectories(dir.resolve("repo"));
    host = Cli.isolatedHost(dir.resolve("home"), repo);
    TestRepositories.init(host, repo);
  }

  @Test
  void runsListsNewestFirst_andShowPrintsWhatRunPrintedAtTheEnd() throws Exception {
    Cli.Result first = Cli.run(host, "run", plan("first", "echo one > one.txt").toString());
    Cli.Result second = Cli.run(host, "run", plan("second", "exit 3").toString());
    assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(ExitCodes.OK);
    assertThat(second.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);

    Cli.Result runs = Cli.run(host, "runs");

    assertThat(runs.exitCode()).isEqualTo(ExitCodes.OK);
    List<String> lines = runs.outLines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split(" +"))
        .containsExactly("RUN", "PLAN", "STATUS", "STARTED", "DURATION", "TARGET");
    assertThat(lines.get(1)).contains("second", "FAILED", "agents/second");
    assertThat(lines.get(2)).contains("first", "SUCCEEDED", "agents/first");
    assertThat(lines.get(2))
        .matches(".* \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d+\\.\\ds .*");
    String firstId = lines.get(2).split(" +")[0];

    Cli.Result shown = Cli.run(host, "show", firstId);
    assertThat(shown.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(shown.out()).startsWith("\nRun " + firstId + " of 'first': SUCCEEDED");
    assertThat(first.out()).endsWith(shown.out());
    Cli.Result latest = Cli.run(host, "show", "latest");
    assertThat(latest.out()).contains("of 'second': FAILED");
    assertThat(second.out()).endsWith(latest.out());
  }

  @Test
  void jsonOutputs_areTheReportsAsWritten() throws Exception {
    Cli.run(host, "run", plan("first", "echo one > one.txt").toString());
    Cli.run(host, "run", plan("second", "echo two > two.txt").toString());

    Cli.Result runs = Cli.run(host, "runs", "--json");
    JsonNode array = ReportJson.newMapper().readTree(runs.out());
    assertThat(array).hasSize(2);
    assertThat(array.get(0).path("name").asText()).isEqualTo("second");
    assertThat(array.get(1).path("name").asText()).isEqualTo("first");
    assertThat(array.get(1).path("status").asText()).isEqualTo("SUCCEEDED");
    String id = array.get(1).path("id").asText();

    Cli.Result shown = Cli.run(host, "show", id, "--json");
    assertThat(shown.out())
        .isEqualTo(
            Files.readString(Path.of(array.get(1).path("directory").asText(), "report.json")));
  }

  @Test
  void runWhoseProcessDied_isInterrupted_inRunsAndShow_evenWithoutItsPlanFile() throws Exception {
    Cli.run(host, "run", plan("killed", "echo one > one.txt").toString());
    Path runDirectory = Path.of(onlyRun().path("directory").asText());
    RunOwner dead = deadOwner();
    ReportJson json = new ReportJson();
    RunReport report = json.read(runDirectory.resolve(RunDirectory.REPORT_JSON));
    RunInfo run = report.run();
    json.write(
        new RunReport(
            report.schema(),
            new RunInfo(
                run.id(),
                run.name(),
                RunStatus.RUNNING,
                null,
                run.base(),
                run.target(),
                run.startedAt(),
                null,
                run.directory(),
                dead),
            report.tasks(),
            report.predictedConflicts(),
            report.merge(),
            report.test(),
            report.publish(),
            report.timing()),
        runDirectory.resolve(RunDirectory.REPORT_JSON));
    Files.writeString(runDirectory.resolve(RunDirectory.PLAN_JSON), "{ not json");

    Cli.Result runs = Cli.run(host, "runs");
    Cli.Result shown = Cli.run(host, "show", run.id());

    assertThat(runs.outLines().get(1)).contains(run.id(), "killed", "INTERRUPTED");
    assertThat(shown.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(shown.outLines())
        .contains("Run " + run.id() + " of 'killed': INTERRUPTED")
        .contains(
            "Reason:   the process running it (pid "
                + dead.pid()
                + " on "
                + dead.host()
                + ") ended before the run did");
  }

  @Test
  void unknownRun_saysWhereToFindTheRuns_andExits2() throws Exception {
    Cli.run(host, "run", plan("first", "echo one > one.txt").toString());

    for (String id : List.of("20260101-000000-beef", "../../etc", "latest-but-not")) {
      Cli.Result shown = Cli.run(host, "show", id);

      assertThat(shown.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(shown.errLines())
          .singleElement()
          .asString()
          .startsWith("no run '" + id + "' in ")
          .endsWith("; parallel-agents runs lists the runs there");
    }
  }

  @Test
  void noRunsYet_runsSaysSoInOneLine_andShowLatestExits2() throws Exception {
    Path state = dir.resolve("empty-state");

    Cli.Result runs = Cli.run(host, "runs", "--state-dir", state.toString());
    Cli.Result latest = Cli.run(host, "show", "latest", "--state-dir", state.toString());

    assertThat(runs.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(runs.outLines()).containsExactly("No runs yet in " + state);
    assertThat(latest.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(latest.err()).startsWith("no run yet in " + state).contains("parallel-agents runs");
  }

  @Test
  void outsideAGitRepository_withoutStateDir_exits3() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));

    Cli.Result runs = Cli.run(host, "runs", "--repo", plain.toString());
    Cli.Result shown = Cli.run(host, "show", "latest", "--repo", plain.toString());

    for (Cli.Result result : List.of(runs, shown)) {
      assertThat(result.exitCode()).isEqualTo(ExitCodes.ENVIRONMENT);
      assertThat(result.errLines())
          .containsExactly(
              "not a git repository: " + plain,
              "run from inside a git checkout, or pass --repo DIR or --state-dir DIR");
    }
  }

  private JsonNode onlyRun() throws Exception {
    JsonNode array = ReportJson.newMapper().readTree(Cli.run(host, "runs", "--json").out());
    assertThat(array).hasSize(1);
    return array.get(0);
  }

  /** The owner of a process that has ended: this machine, its pid and start time. */
  private static RunOwner deadOwner() throws Exception {
    Process gone = new ProcessBuilder("sleep", "600").start();
    RunOwner owner = RunOwner.of(gone.toHandle());
    gone.destroyForcibly().waitFor();
    return owner;
  }

  private Path plan(String name, String agent) throws Exception {
    return Plans.write(
        dir,
        name + ".yaml",
        """
        version: 1
        name: %s
        agents:
          script: { command: ["sh", "-c", "%s"] }
        defaults:
          agent: script
        tasks:
          - id: only
            prompt: Do it.
        """
            .formatted(name, agent));
  }
}
