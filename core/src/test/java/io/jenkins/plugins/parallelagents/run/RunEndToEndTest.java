package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunEndToEndTest extends EngineTestBase {

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", "src/app.txt", "base\n");
  }

  private Plans foundationAndThreeTasks() {
    return new Plans()
        .foundation("migration", "mkdir -p db && echo 'create table prefs' > db/V2.sql")
        .task(
            "api",
            "test -f db/V2.sql && mkdir -p api && echo endpoint > api/Prefs.txt",
            "migration")
        .task(
            "notify",
            "test -f db/V2.sql && mkdir -p notify && echo service > notify/Service.txt",
            "migration")
        .task(
            "page", "test -f api/Prefs.txt && mkdir -p web && echo page > web/settings.html", "api")
        .test(
            "test -f db/V2.sql && test -f api/Prefs.txt && test -f notify/Service.txt && test -f web/settings.html");
  }

  @Test
  void plan_runsEndToEnd_andPublishesEveryTaskToTheBareOrigin() throws Exception {
    Path origin = git.bareOrigin(repo);
    RunReport report =
        engine.run(
            foundationAndThreeTasks().publish(new PublishSettings("origin", false)).build(), repo);

    assertThat(report.run().status()).as(report.run().reason()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.tasks()).extracting(TaskReport::status).containsOnly(TaskStatus.SUCCEEDED);
    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(report.merge().order()).containsExactly("api", "notify", "page");
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.PUSHED);
    for (String file :
        new String[] {"db/V2.sql", "api/Prefs.txt", "notify/Service.txt", "web/settings.html"}) {
      assertThat(git.show(origin, "agents/feature", file)).as(file).isNotNull();
      assertThat(git.show(repo, "agents/feature", file)).as(file).isNotNull();
    }
    assertThat(git.git(origin, "rev-parse", "agents/feature")).isEqualTo(report.merge().commit());
  }

  @Test
  void run_leavesTheUsersCheckoutUntouched() throws Exception {
    Files.writeString(repo.resolve("src/app.txt"), "local edit, not committed\n");
    Files.writeString(repo.resolve("scratch.txt"), "untracked\n");
    git.git(repo, "add", "scratch.txt");
    String headBefore = git.git(repo, "rev-parse", "HEAD");
    String statusBefore = git.git(repo, "status", "--porcelain");

    RunReport report = engine.run(foundationAndThreeTasks().build(), repo);

    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(git.git(repo, "rev-parse", "HEAD")).isEqualTo(headBefore);
    assertThat(git.git(repo, "symbolic-ref", "--short", "HEAD")).isEqualTo("main");
    assertThat(git.git(repo, "status", "--porcelain")).isEqualTo(statusBefore);
    assertThat(Files.readString(repo.resolve("src/app.txt")))
        .isEqualTo("local edit, not committed\n");
    assertThat(repo.resolve("db")).doesNotExist();
    assertThat(Path.of(report.run().directory()).startsWith(repo)).isFalse();
  }

  @Test
  void taskBranches_startFromBasePlusFoundation_withTheirNeedsMergedIn() throws Exception {
    RunReport report = engine.run(foundationAndThreeTasks().build(), repo);

    TaskReport page = report.task("page").orElseThrow();
    assertThat(page.branch()).isEqualTo("agents/" + report.run().id() + "/page");
    assertThat(git.show(repo, page.branch(), "db/V2.sql")).isNotNull();
    assertThat(git.show(repo, page.branch(), "api/Prefs.txt")).isEqualTo("endpoint");
    assertThat(git.show(repo, page.branch(), "notify/Service.txt")).isNull();
    assertThat(page.changedFiles()).containsExactly("web/settings.html");
    assertThat(page.insertions()).isEqualTo(1);
  }

  @Test
  void reports_areWrittenInTheRunDirectory_andReadBack() throws Exception {
    RunReport report = engine.run(foundationAndThreeTasks().build(), repo);

    Path dir = Path.of(report.run().directory());
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("report.md")).exists();
    assertThat(dir.resolve("junit.xml")).exists();
    assertThat(dir.resolve("plan.json")).exists();
    assertThat(dir.resolve("tasks/api/agent.log")).exists();
    assertThat(Files.readString(dir.resolve("tasks/page/diff.patch"))).contains("+page");
    RunReport onDisk = new ReportJson().read(dir.resolve("report.json"));
    assertThat(onDisk).isEqualTo(report);
    assertThat(onDisk.timing().phasesMs())
        .containsKeys("foundation", "tasks", "merge", "test", "publish");
    assertThat(onDisk.timing().taskStepsMs().keySet())
        .containsExactly("worktrees", "agent", "commit", "collect", "diffs");
  }

  @Test
  void agent_getsTheContractEnvironmentAndPrompt() throws Exception {
    Path seen = temp.resolve("seen.txt");
    RunReport report =
        engine.run(
            new Plans()
                .interfaces("GET /api/prefs -> {\"preferences\": []}")
                .task(
                    "api",
                    "env | grep '^AGENT_' | cut -d= -f1 | sort > "
                        + seen
                        + "; cp \"$AGENT_PROMPT_FILE\" "
                        + temp.resolve("prompt.md")
                        + "; echo x > f.txt")
                .build(),
            repo);

    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(Files.readAllLines(seen))
        .contains(
            "AGENT_TASK_ID",
            "AGENT_TASK_TITLE",
            "AGENT_PROMPT",
            "AGENT_PROMPT_FILE",
            "AGENT_WORKTREE",
            "AGENT_BRANCH",
            "AGENT_BASE_COMMIT",
            "AGENT_RUN_ID",
            "AGENT_RUN_DIR",
            "AGENT_ATTEMPT");
    assertThat(Files.readString(temp.resolve("prompt.md")))
        .contains("Do task api.")
        .contains("GET /api/prefs")
        .contains("agents/" + report.run().id() + "/api");
    String message =
        git.git(repo, "log", "-1", "--format=%B", report.task("api").orElseThrow().commit());
    assertThat(message)
        .startsWith("Task api (agents: api)")
        .contains(
            "Agent-Task: api",
            "Agent-Name: agent-api",
            "Agent-Attempt: 1",
            "Agent-Run: " + report.run().id());
  }
}
