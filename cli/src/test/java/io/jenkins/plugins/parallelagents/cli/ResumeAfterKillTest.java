package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code parallel-agents run} killed with SIGKILL while its tasks run, then {@code resume}:
 * every agent that finished runs exactly once overall.
 */
class ResumeAfterKillTest {

  @TempDir Path dir;

  @Test
  @Timeout(240)
  void killedRun_resumes_andEveryFinishedAgentRanExactlyOnce() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    git(host, repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), "app\n");
    git(host, repo, "add", "-A");
    git(host, repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "init");
    Path counts = Files.createDirectories(dir.resolve("counts"));
    Path go = dir.resolve("go");
    Path slowPid = dir.resolve("slow.pid");
    // Each agent counts its finished runs outside the repository. 'slow' waits for a file that
    // appears only after the CLI was killed and its agent stopped.
    String plan =
        """
        version: 1
        name: resumable
        agents:
          quick: { command: ["sh", "-c", "echo $AGENT_TASK_ID > $AGENT_TASK_ID.txt; echo x >> COUNTS/$AGENT_TASK_ID"] }
          slow: { command: ["sh", "-c", "echo $$ > SLOWPID; while [ ! -f GO ]; do sleep 0.1; done; echo slow > slow.txt; echo x >> COUNTS/slow"] }
        defaults:
          agent: quick
        tasks:
          - id: schema
            foundation: true
            prompt: Lay the foundation.
          - id: api
            prompt: Write the API.
          - id: ui
            prompt: Write the UI.
          - id: slow
            agent: slow
            prompt: Take long.
        test:
          command: ["sh", "-c", "test -f api.txt && test -f ui.txt && test -f slow.txt"]
        """
            .replace("COUNTS", counts.toString())
            .replace("SLOWPID", slowPid.toString())
            .replace("GO", go.toString());
    Path planFile = Plans.write(dir, "agents-plan.yaml", plan);
    Path state = dir.resolve("state");

    Process cli = start(host, repo, "run", planFile.toString(), "--state-dir", state.toString());
    RunReport running = awaitReport(state, r -> tasksDone(r, "schema", "api", "ui") && started(r));
    cli.destroyForcibly(); // SIGKILL: no shutdown hook, no report written at the end
    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long agent = Long.parseLong(Files.readString(slowPid).strip());
    awaitGone(agent);
    Files.writeString(go, "");

    Cli.Result resumed = Cli.run(host, "resume", "--state-dir", state.toString());

    assertThat(resumed.exitCode())
        .as("resume; output: %s%s", resumed.out(), resumed.err())
        .isEqualTo(ExitCodes.OK);
    for (String task : List.of("schema", "api", "ui", "slow")) {
      assertThat(Files.readAllLines(counts.resolve(task)))
          .as("finished runs of %s's agent", task)
          .hasSize(1);
    }
    RunReport report = new ReportJson().read(runFolder(state).resolve("report.json"));
    assertThat(report.run().id()).isEqualTo(running.run().id());
    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(byId(report).get("api").commit()).isEqualTo(byId(running).get("api").commit());
    assertThat(gitOutput(host, repo, "show", "agents/resumable:slow.txt")).isEqualTo("slow");
  }

  private static boolean tasksDone(RunReport report, String... ids) {
    Map<String, TaskReport> tasks = byId(report);
    for (String id : ids) {
      if (tasks.get(id).status() != TaskStatus.SUCCEEDED) {
        return false;
      }
    }
    return true;
  }

  private boolean started(RunReport report) {
    return byId(report).get("slow").status() == TaskStatus.RUNNING
        && Files.exists(dir.resolve("slow.pid"));
  }

  private static Map<String, TaskReport> byId(RunReport report) {
    return report.tasks().stream().collect(Collectors.toMap(TaskReport::id, Function.identity()));
  }

  /** Polls the run's report until {@code until} holds: the run writes it at every change. */
  private static RunReport awaitReport(Path state, java.util.function.Predicate<RunReport> until)
      throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      Optional<Path> folder = findRunFolder(state);
      if (folder.isPresent() && Files.exists(folder.get().resolve("report.json"))) {
        try {
          RunReport report = new ReportJson().read(folder.get().resolve("report.json"));
          if (until.test(report)) {
            return report;
          }
        } catch (IOException halfWritten) {
          // written atomically, but read again rather than trust that
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the run did not get there in time");
  }

  private static void awaitGone(long pid) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      assertThat(System.currentTimeMillis())
          .as("the killed run's agent stops")
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static Path runFolder(Path state) throws IOException {
    return findRunFolder(state).orElseThrow();
  }

  private static Optional<Path> findRunFolder(Path state) throws IOException {
    Path runs = state.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(runs)) {
      for (Path folder : folders) {
        return Optional.of(folder);
      }
    }
    return Optional.empty();
  }

  private static Process start(Host host, Path repo, String... args) throws IOException {
    List<String> argv =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    argv.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(repo.getParent().resolve("first-run.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(host.environment());
    return builder.start();
  }

  private static void git(Host host, Path repo, String... args)
      throws IOException, InterruptedException {
    assertThat(gitProcess(host, repo, args).waitFor()).isZero();
  }

  private static String gitOutput(Host host, Path repo, String... args)
      throws IOException, InterruptedException {
    Process git = gitProcess(host, repo, args);
    String out = new String(git.getInputStream().readAllBytes()).strip();
    assertThat(git.waitFor()).isZero();
    return out;
  }

  private static Process gitProcess(Host host, Path repo, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(repo.toFile());
    builder.environment().clear();
    builder.environment().putAll(host.environment());
    return builder.start();
  }
}
