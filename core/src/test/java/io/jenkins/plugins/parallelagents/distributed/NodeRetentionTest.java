package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun;
import io.jenkins.plugins.parallelagents.lifecycle.CleanedRun.Action;
import io.jenkins.plugins.parallelagents.lifecycle.SavedWork;
import io.jenkins.plugins.parallelagents.lifecycle.SnapshotRefs;
import io.jenkins.plugins.parallelagents.plan.CleanupSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's workspace after several builds, laid out as the distributed steps leave it, cleaned by
 * the plan's retention at the end of a build.
 */
@Timeout(300)
class NodeRetentionTest {

  @TempDir Path temp;
  private GitSandbox sandbox;
  private Path origin;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    origin = sandbox.bareOrigin(project);
  }

  private static Plan plan(CleanupSettings cleanup, String target) {
    return new Plans()
        .task("api", "echo api > api.txt")
        .task("web", "echo web > web.txt")
        .publish(new PublishSettings("origin", false))
        .target(target)
        .cleanup(cleanup)
        .build();
  }

  /**
   * One build's part on a node that only runs tasks: {@code api} finishes, {@code web} is left half
   * done (the build was stopped), its tree still holding the agent's file.
   */
  private void tasksOnly(NodeCluster cluster, Path node, String runId) throws Exception {
    cluster.start(runId);
    NodeTask tasks = cluster.task(node);
    tasks.runPlanAgent(tasks.prepare("api"), (step, line) -> {});
    PreparedTask web = tasks.prepare("web");
    Files.writeString(Path.of(web.worktree()).resolve("web.txt"), "web of " + runId + "\n");
  }

  @Test
  void keepRunsTwo_afterFourBuilds_leavesTwoRunsOfEverything_andSavesUnpublishedWorkFirst()
      throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan(new CleanupSettings(4, 2), "main"));
    Path node = cluster.node("node-a");
    for (String id : List.of("job-1", "job-2", "job-3", "job-4")) {
      tasksOnly(cluster, node, id);
    }
    String oldApi = sandbox.git(node, "rev-parse", "agents/job-1/api");

    List<CleanedRun> done =
        new NodeRetention(cluster.on(node), cluster.runner(), env(cluster)).apply(Set.of());

    assertThat(done)
        .extracting(CleanedRun::runId, CleanedRun::action)
        .containsExactly(
            tuple("job-4", Action.KEEP),
            tuple("job-3", Action.KEEP),
            tuple("job-2", Action.REMOVE),
            tuple("job-1", Action.REMOVE));
    Path scratch = cluster.on(node).scratch();
    assertThat(folderNames(node.resolve(".parallel-agents/runs")))
        .containsExactly("job-3", "job-4");
    assertThat(folderNames(node.resolve(".parallel-agents/handoff")))
        .containsExactly("job-3", "job-4");
    assertThat(folderNames(scratch.resolve("worktrees"))).containsExactly("job-3", "job-4");
    assertThat(refs(node, "refs/heads/agents"))
        .containsExactly("refs/heads/agents/job-3/api", "refs/heads/agents/job-4/api");
    // Nothing was published: the task's commit and the stopped task's file are kept as snapshots.
    assertThat(sandbox.git(node, "rev-parse", SnapshotRefs.branch("job-1", "api")))
        .isEqualTo(oldApi);
    assertThat(sandbox.show(node, SnapshotRefs.uncommitted("job-1", "web"), "web.txt"))
        .isEqualTo("web of job-1");
    assertThat(done.get(3).saved())
        .extracting(SavedWork::what)
        .contains("unpublished branch agents/job-1/api", "uncommitted changes of web");
    assertThat(sandbox.git(node, "status", "--porcelain")).isEmpty();
  }

  @Test
  void theBuildsOwnRun_andRunsOfBuildsStillRunning_areKept_evenPastKeepDays() throws Exception {
    NodeCluster cluster =
        new NodeCluster(sandbox, origin, plan(new CleanupSettings(4, 10), "main"));
    Path node = cluster.node("node-a");
    for (String id : List.of("job-1", "job-2", "job-3")) {
      tasksOnly(cluster, node, id);
    }
    Clock tenDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(10)), ZoneOffset.UTC);

    List<CleanedRun> done =
        new NodeRetention(cluster.on(node), cluster.runner(), env(cluster), tenDaysOn)
            .apply(Set.of("job-1"));

    assertThat(done)
        .extracting(CleanedRun::runId, CleanedRun::action, CleanedRun::reason)
        .containsExactly(
            tuple("job-3", Action.KEEP, "the run of this build"),
            tuple("job-2", Action.REMOVE, "last active more than 4 days ago"),
            tuple("job-1", Action.KEEP, "its build is still running"));
    assertThat(folderNames(node.resolve(".parallel-agents/runs")))
        .containsExactly("job-1", "job-3");
    assertThat(Files.isDirectory(Path.of(worktree(cluster, node, "job-3", "web")))).isTrue();
    assertThat(refs(node, "refs/heads/agents/job-3"))
        .containsExactly("refs/heads/agents/job-3/api");
    assertThat(refs(node, "refs/heads/agents/job-1"))
        .containsExactly("refs/heads/agents/job-1/api");
  }

  @Test
  void publishedWork_isNotSnapshotted_butATargetNamedLikeTheRunsBranchesCountsForNothing()
      throws Exception {
    // The target "agents" is the folder of every run's branches; its remote branch contains the
    // task's work. Only that very branch counts as published, not the branches under its name.
    NodeCluster cluster =
        new NodeCluster(sandbox, origin, plan(new CleanupSettings(4, 0), "agents"));
    Path node = cluster.node("node-a");
    tasksOnly(cluster, node, "job-1");
    sandbox.git(node, "update-ref", "refs/remotes/origin/agents", "agents/job-1/api");
    sandbox.git(node, "commit", "--allow-empty", "-qm", "unpublished");
    sandbox.git(node, "branch", "-q", "agents/job-1/extra");
    cluster.start("job-2");

    List<CleanedRun> done =
        new NodeRetention(cluster.on(node), cluster.runner(), env(cluster)).apply(Set.of());

    assertThat(done).extracting(CleanedRun::runId).containsExactly("job-1");
    assertThat(refs(node, "refs/parallel-agents"))
        .as("api is in origin/agents; extra is not")
        .containsExactly(
            "refs/parallel-agents/snapshots/job-1/extra",
            "refs/parallel-agents/snapshots/job-1/web.uncommitted");
    assertThat(refs(node, "refs/heads/agents")).isEmpty();
  }

  @Test
  void savedWork_isRecordedBesideTheRuns_andExpiresAfterKeepSnapshotsDays() throws Exception {
    NodeCluster cluster =
        new NodeCluster(sandbox, origin, plan(new CleanupSettings(4, 1, 30), "main"));
    Path node = cluster.node("node-a");
    tasksOnly(cluster, node, "job-1");
    tasksOnly(cluster, node, "job-2");
    new NodeRetention(cluster.on(node), cluster.runner(), env(cluster)).apply(Set.of());
    assertThat(refs(node, SnapshotRefs.ofRun("job-1"))).hasSize(2);
    assertThat(node.resolve(".parallel-agents/archive/job-1/snapshots.json")).isRegularFile();

    Clock in29Days = Clock.fixed(Instant.now().plus(Duration.ofDays(29)), ZoneOffset.UTC);
    new NodeRetention(cluster.on(node), cluster.runner(), env(cluster), in29Days).apply(Set.of());
    assertThat(refs(node, SnapshotRefs.ofRun("job-1"))).as("kept for 30 days").hasSize(2);
    Clock in31Days = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
    List<CleanedRun> done =
        new NodeRetention(cluster.on(node), cluster.runner(), env(cluster), in31Days)
            .apply(Set.of());

    assertThat(done)
        .extracting(CleanedRun::runId, CleanedRun::action)
        .containsExactly(tuple("job-2", Action.KEEP), tuple("job-1", Action.EXPIRE));
    assertThat(refs(node, "refs/parallel-agents")).isEmpty();
    assertThat(Files.exists(node.resolve(".parallel-agents/archive/job-1"))).isFalse();
  }

  @Test
  void hostileLeftoverTrees_runNothing_andLinksAreNotFollowed() throws Exception {
    NodeCluster cluster = new NodeCluster(sandbox, origin, plan(new CleanupSettings(4, 0), "main"));
    Path node = cluster.node("node-a");
    tasksOnly(cluster, node, "job-1");
    Path marker = temp.resolve("planted-ran");
    Path planted = temp.resolve("planted.sh");
    Files.writeString(planted, "#!/bin/sh\ntouch '" + marker + "'\ncat\n");
    Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxr-xr-x"));
    String traps = "[core]\n\tfsmonitor = " + planted + "\n\thooksPath = " + temp + "/hooks\n";
    // web's tree: a config that runs programs and hooks, as an agent can leave them
    Path web = Path.of(worktree(cluster, node, "job-1", "web"));
    Files.writeString(web.resolve(".git/config"), traps, StandardOpenOption.APPEND);
    Path hooks = Files.createDirectories(web.resolve(".git/hooks"));
    Files.createDirectories(temp.resolve("hooks"));
    for (String hook : List.of("reference-transaction", "post-index-change", "pre-commit")) {
      Files.copy(planted, hooks.resolve(hook));
      Files.copy(planted, temp.resolve("hooks").resolve(hook));
    }
    // a second leftover tree whose .git is a link to a repository of the agent's, with the traps
    Path elsewhere = sandbox.repository("elsewhere", Map.of("x", "x\n"));
    Files.writeString(elsewhere.resolve(".git/config"), traps, StandardOpenOption.APPEND);
    Path linked = Files.createDirectories(web.resolveSibling("linked"));
    Files.createSymbolicLink(linked.resolve(".git"), elsewhere.resolve(".git"));
    Files.writeString(linked.resolve("notes.txt"), "notes\n");
    // and a run whose worktrees folder is a link to somebody's folders
    Path precious = Files.createDirectories(temp.resolve("precious/keep"));
    Files.writeString(precious.resolve("file.txt"), "mine\n");
    Path scratch = cluster.on(node).scratch();
    Files.createDirectories(node.resolve(".parallel-agents/runs/job-0"));
    Files.createSymbolicLink(scratch.resolve("worktrees/job-0"), precious.getParent());
    cluster.start("job-2");

    List<CleanedRun> done =
        new NodeRetention(cluster.on(node), cluster.runner(), env(cluster)).apply(Set.of());

    assertThat(done)
        .extracting(CleanedRun::runId, CleanedRun::action)
        .containsOnly(tuple("job-1", Action.REMOVE), tuple("job-0", Action.REMOVE));
    assertThat(marker).as("a program the agent planted ran").doesNotExist();
    assertThat(sandbox.show(node, SnapshotRefs.uncommitted("job-1", "web"), "web.txt"))
        .isEqualTo("web of job-1");
    assertThat(sandbox.show(node, SnapshotRefs.uncommitted("job-1", "linked"), "notes.txt"))
        .isEqualTo("notes");
    assertThat(Files.exists(scratch.resolve("worktrees/job-1"))).isFalse();
    assertThat(elsewhere.resolve(".git/HEAD")).as("the .git link was not followed").isRegularFile();
    assertThat(precious.resolve("file.txt"))
        .as("the folder link was not followed")
        .hasContent("mine");
    assertThat(
            Files.exists(
                scratch.resolve("worktrees/job-0"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isFalse();
  }

  private static String worktree(NodeCluster cluster, Path node, String runId, String task) {
    return cluster.on(node).scratch().resolve("worktrees").resolve(runId).resolve(task).toString();
  }

  private static Map<String, String> env(NodeCluster cluster) {
    return cluster.environment();
  }

  private List<String> refs(Path repo, String prefix) {
    String out = sandbox.git(repo, "for-each-ref", "--format=%(refname)", prefix);
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  private static List<String> folderNames(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }
}
