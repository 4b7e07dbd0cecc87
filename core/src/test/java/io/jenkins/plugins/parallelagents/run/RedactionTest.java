package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Secrets of the environment an agent prints never reach a file, a listener or a branch. */
class RedactionTest extends EngineTestBase {

  /** Shaped like no provider's token: only the environment can tell that it is a secret. */
  private static final String TOKEN = "env-only-Token-7781-qwerty";

  private static final String SERVICE_PASS = "service-Pass-0042-asdfgh";

  private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
  private final List<RunReport> finished = Collections.synchronizedList(new ArrayList<>());

  private final RunListener listener =
      new RunListener() {
        @Override
        public void output(String source, String step, String line) {
          heard.add(line);
        }

        @Override
        public void phaseFinished(String phase, String outcome) {
          heard.add(outcome);
        }

        @Override
        public void runFinished(RunReport report) {
          finished.add(report);
        }
      };

  private RunReport run(Plan plan) throws Exception {
    Map<String, String> environment = new HashMap<>(git.environment());
    environment.put("GITHUB_TOKEN", TOKEN);
    environment.put("MY_SERVICE_PASS", SERVICE_PASS);
    return new RunEngine(plan, RunOptions.forRepository(repo, environment), listener).execute();
  }

  @Test
  void agentEchoingSecrets_leavesThemInNoFileNorEventNorBranch() throws Exception {
    Path origin = git.bareOrigin(repo);
    Plan plan =
        new Plans()
            .task(
                "api",
                "echo \"token is $GITHUB_TOKEN\"; echo \"pass is $MY_SERVICE_PASS\" >&2;"
                    + " echo work > a.txt",
                new String[0])
            .interfaces("Call the service with " + TOKEN + ".")
            .test("echo \"testing with $GITHUB_TOKEN\"")
            .publish(new PublishSettings("origin", false))
            .guard(
                new GuardSettings(
                    true,
                    GuardSettings.DEFAULT_MAX_FILE_SIZE,
                    List.of(),
                    List.of(),
                    List.of("MY_SERVICE_PASS")))
            .build();

    RunReport report = run(plan);

    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    Path runDir = Path.of(report.run().directory());
    assertThat(filesUnder(runDir))
        .extracting(Path::toString)
        .contains(
            runDir.resolve("tasks/api/agent.log").toString(),
            runDir.resolve("tasks/api/prompt.md").toString(),
            runDir.resolve("plan.json").toString(),
            runDir.resolve("test.log").toString());
    for (Path file : filesUnder(runDir)) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN, SERVICE_PASS);
    }
    assertThat(Files.readString(runDir.resolve("tasks/api/agent.log")))
        .contains("token is ****", "pass is ****");
    assertThat(Files.readString(runDir.resolve("tasks/api/prompt.md")))
        .contains("Call the service with ****.");
    assertThat(heard).contains("token is ****", "testing with ****");
    assertThat(heard).noneMatch(line -> line.contains(TOKEN) || line.contains(SERVICE_PASS));
    assertThat(git.git(origin, "log", "-p", "agents/feature")).doesNotContain(TOKEN);
  }

  @Test
  void everyFileOfTheRun_isReadableByItsOwnerOnly() throws Exception {
    RunReport report =
        run(new Plans().task("api", "echo log line; echo work > a.txt").test("true").build());

    Path runDir = Path.of(report.run().directory());
    assertThat(filesUnder(runDir))
        .extracting(p -> runDir.relativize(p).toString())
        .contains(
            "tasks/api/agent.log",
            "tasks/api/prompt.md",
            "tasks/api/diff.patch",
            "plan.json",
            "report.json",
            "report.html",
            "test.log");
    for (Path file : filesUnder(runDir)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
  }

  @Test
  void agentCommittingAnEnvironmentSecret_failsItsTaskAndPublishesNothing() throws Exception {
    Path origin = git.bareOrigin(repo);
    RunReport report =
        run(
            new Plans()
                .task("api", "echo \"call it with $GITHUB_TOKEN here\" > notes.txt")
                .publish(new PublishSettings("origin", false))
                .build());

    assertThat(report.tasks().get(0).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.tasks().get(0).reason())
        .contains("secret in notes.txt:1 (environment secret or URL credentials ****)");
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
    for (Path file : filesUnder(Path.of(report.run().directory()))) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(TOKEN);
    }
    assertThat(Files.readString(Path.of(report.run().directory(), "tasks/api/diff.patch")))
        .contains("+call it with **** here");
  }

  @Test
  void remoteWithCredentials_isMaskedWhereTheRunRefusesIt() {
    // Port 9 (discard) refuses the connection at once: the remote cannot be read before the run.
    String remote = "https://builder:pw-Remote-5521@127.0.0.1:9/app.git";
    EnvironmentException refused =
        catchThrowableOfType(
            EnvironmentException.class,
            () ->
                run(
                    new Plans()
                        .task("api", "echo work > a.txt")
                        .publish(new PublishSettings(remote, false))
                        .build()));

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage())
        .contains("https://****@127.0.0.1:9/app.git")
        .doesNotContain("pw-Remote-5521");
    assertThat(refused.fix()).doesNotContain("pw-Remote-5521");
  }

  private static List<Path> filesUnder(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
