package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-offs an agent of a task job could have forged in its job's artifact: each is refused with
 * one line and exit 2, and nothing is merged, published or moved in the clone.
 */
class ForgedHandoffTest {

  private static final List<String> ALL = CiJobs.handoffs("schema", "api", "worker", "page");

  @TempDir Path temp;
  Host host;
  Path project;
  Path origin;
  CiJobs ci;

  @BeforeEach
  void setUp() throws Exception {
    host = Cli.isolatedHost(temp.resolve("home"), temp);
    project = temp.resolve("project");
    Files.createDirectories(project);
    TestRepositories.init(host, project);
    Files.writeString(project.resolve("agents-plan.yaml"), DistributedCiTest.PLAN);
    Files.writeString(project.resolve("agent.sh"), DistributedCiTest.AGENT);
    TestRepositories.git(host, project, "add", "-A");
    TestRepositories.git(
        host,
        project,
        "-c",
        "user.name=T",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-qm",
        "plan");
    origin = temp.resolve("origin.git");
    TestRepositories.git(
        host, temp, "clone", "-q", "--bare", project.toString(), origin.toString());
    ci = new CiJobs(host, temp, origin);
    ci.outline("ci-43");
    ci.task("schema", List.of());
    ci.task("api", CiJobs.handoffs("schema"));
    ci.task("worker", CiJobs.handoffs("schema"));
    ci.task("page", CiJobs.handoffs("schema", "api"));
  }

  @Test
  void aReportNamingAnotherBranch_isRefused_andThatBranchIsNotMoved() throws Exception {
    edit("api", report -> report.put("branch", "main"));

    assertRefused(
        "the hand-off of task 'api' was refused: its branch is 'main', not this run's"
            + " 'agents/ci-43/api'");
  }

  @Test
  void aReportWhoseCommitIsNotItsBundles_isRefused() throws Exception {
    String worker = report("worker").get("commit").asText();
    edit("api", report -> report.put("commit", worker));

    assertRefused("the hand-off of task 'api' was refused: its bundle's branch is at ");
  }

  @Test
  void anotherTasksReportUnderATasksName_isRefused() throws Exception {
    Path worker = ci.artifact("handoff-worker").resolve("worker");
    Files.copy(
        ci.artifact("handoff-api").resolve("api").resolve("task.json"),
        worker.resolve("task.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertRefused("the hand-off of task 'worker' was refused: its task.json is for task 'api'");
  }

  @Test
  void aSecondHandoffOfATask_inAnotherJobsArtifact_isRefused() throws Exception {
    CiJobs.copy(
        ci.artifact("handoff-worker").resolve("worker"),
        ci.artifact("handoff-api").resolve("worker"));

    assertRefused("two hand-offs of task 'worker' (");
  }

  @Test
  void aReportThatIsALink_isRefused() throws Exception {
    Path report = ci.artifact("handoff-api").resolve("api").resolve("task.json");
    Path elsewhere = temp.resolve("elsewhere.json");
    Files.move(report, elsewhere);
    Files.createSymbolicLink(report, elsewhere);

    assertRefused("the hand-off of task 'api' was refused: its task.json is not a plain file");
  }

  @Test
  void aBranchThatDoesNotDescendFromTheBase_isRefused() throws Exception {
    Path forger = ci.clone("forger");
    TestRepositories.git(host, forger, "checkout", "-q", "--orphan", "agents/ci-43/api");
    Files.writeString(forger.resolve("api.txt"), "not from the base\n");
    TestRepositories.git(host, forger, "add", "api.txt");
    TestRepositories.git(
        host, forger, "-c", "user.name=F", "-c", "user.email=f@example.com", "commit", "-qm", "x");
    String commit = TestRepositories.git(host, forger, "rev-parse", "HEAD").get(0);
    Path bundle = ci.artifact("handoff-api").resolve("api").resolve("branch.bundle");
    Files.delete(bundle);
    TestRepositories.git(
        host, forger, "bundle", "create", "-q", bundle.toString(), "agents/ci-43/api");
    edit("api", report -> report.put("commit", commit));

    assertRefused(
        "the hand-off of task 'api' was refused: its commit does not descend from the run's"
            + " base");
  }

  @Test
  void aDoneHandoffWhoseWorkFailsTheGuard_isNeitherMergedNorPublished() throws Exception {
    // What a process that outlived the task's steps could write: more work on the branch, a new
    // bundle, and the report pointing at it.
    Path forger = ci.clone("forger");
    Path bundle = ci.artifact("handoff-api").resolve("api").resolve("branch.bundle");
    TestRepositories.git(
        host, forger, "fetch", "-q", bundle.toString(), "agents/ci-43/api:agents/ci-43/api");
    TestRepositories.git(host, forger, "checkout", "-q", "agents/ci-43/api");
    Files.writeString(forger.resolve("server.log"), "a build artefact the guard refuses\n");
    TestRepositories.git(host, forger, "add", "server.log");
    TestRepositories.git(
        host, forger, "-c", "user.name=F", "-c", "user.email=f@example.com", "commit", "-qm", "x");
    String commit = TestRepositories.git(host, forger, "rev-parse", "HEAD").get(0);
    Files.delete(bundle);
    TestRepositories.git(
        host,
        forger,
        "bundle",
        "create",
        "-q",
        bundle.toString(),
        "agents/ci-43/api",
        "^origin/main");
    edit("api", report -> report.put("commit", commit));
    assertThat(report("api").path("status").asText()).isEqualTo("SUCCEEDED");

    Path clone = ci.clone("finish");
    Cli.Result finish = finishIn(clone);

    assertThat(finish.exitCode()).as(finish.out() + finish.err()).isEqualTo(ExitCodes.RUN_FAILED);
    JsonNode api = null;
    for (JsonNode task :
        new ObjectMapper()
            .readTree(ci.artifact("reports").resolve("report.json").toFile())
            .path("tasks")) {
      if (task.path("id").asText().equals("api")) {
        api = task;
      }
    }
    assertThat(api).isNotNull();
    assertThat(api.path("status").asText()).isEqualTo("FAILED");
    assertThat(api.path("reason").asText()).contains("fails the guard").contains("server.log");
    List<String> published = TestRepositories.git(host, origin, "rev-list", "--all");
    assertThat(published).as("the refused work is nowhere on the remote").doesNotContain(commit);
  }

  @Test
  void aTaskGivenItsOwnHandoff_refusesToRun() throws Exception {
    Cli.Result again = ci.task("page", CiJobs.handoffs("schema", "api", "page"));

    assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(again.errLines()).hasSize(1);
    assertThat(again.err()).startsWith("a hand-off of task 'page' itself was given");
  }

  /** The finish job, in {@code clone}, given every task job's artifact. */
  private Cli.Result finishIn(Path clone) throws Exception {
    return ci.run(
        clone,
        "finish",
        "--start",
        ci.artifact("start").toString(),
        "--handoff",
        ci.download("finish", ALL).toString(),
        "--out",
        ci.artifact("reports").toString(),
        "--state-dir",
        temp.resolve("state-finish").toString());
  }

  private void assertRefused(String message) throws Exception {
    Path clone = ci.clone("finish");
    String main = TestRepositories.git(host, clone, "rev-parse", "refs/remotes/origin/main").get(0);
    Cli.Result finish = finishIn(clone);

    assertThat(finish.exitCode()).as(finish.out() + finish.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(finish.errLines()).hasSize(1);
    assertThat(finish.err()).startsWith(message);
    assertThat(TestRepositories.git(host, origin, "branch", "--list", "agents/*")).isEmpty();
    assertThat(TestRepositories.git(host, clone, "rev-parse", "refs/heads/main"))
        .containsExactly(main);
    assertThat(TestRepositories.git(host, clone, "branch", "--list", "agents/*")).isEmpty();
    assertThat(ci.artifact("reports").resolve("report.json")).doesNotExist();
  }

  private ObjectNode report(String task) throws Exception {
    Path file = ci.artifact("handoff-" + task).resolve(task).resolve("task.json");
    return (ObjectNode) new ObjectMapper().readTree(file.toFile());
  }

  private void edit(String task, java.util.function.Consumer<ObjectNode> change) throws Exception {
    ObjectNode report = report(task);
    change.accept(report);
    Path file = ci.artifact("handoff-" + task).resolve(task).resolve("task.json");
    Files.writeString(file, new ObjectMapper().writeValueAsString(report));
  }
}
