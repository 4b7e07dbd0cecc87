package io.jenkins.plugins.parallelagents.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.report.RunDirectory;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each task's own test case where it ran, and the merge's without them, so that a host recording
 * both (Jenkins: in the task's stage, then in Merge & Test) counts every task once.
 */
class TaskJunitTest {

  @TempDir Path temp;

  @Test
  void aHandedOffTaskHasItsOwnCase_andTheMergesFileLeavesItOut() throws Exception {
    GitSandbox sandbox = new GitSandbox(temp);
    Path project = sandbox.repository("project", Map.of("README.md", "# project\n"));
    Plan plan = new Plans().task("api", "true").task("page", "true").build();
    NodeCluster cluster = new NodeCluster(sandbox, sandbox.bareOrigin(project), plan);
    cluster.start("job-31");
    Path node = cluster.node("node-a");
    NodeTask tasks = cluster.task(node);
    PreparedTask api = tasks.prepare("api");
    tasks.blockFailed(api, TaskStatus.FAILED, "the agent gave up");
    Path merger = cluster.node("merge-node");
    cluster.carry("api", node, merger);

    String own = Files.readString(cluster.on(node).directory().taskJunit("api"));
    cluster.merge(merger).mergeAndTest(line -> {});
    Path reports = cluster.on(merger).directory().root();
    String merge = Files.readString(reports.resolve(RunDirectory.JUNIT_MERGE_XML));
    String whole = Files.readString(reports.resolve(RunDirectory.JUNIT_XML));

    assertThat(own).contains("tests=\"1\"", "name=\"api\"", "the agent gave up");
    assertThat(merge).doesNotContain("name=\"api\"").contains("name=\"page\"", "name=\"merge\"");
    assertThat(whole).contains("name=\"api\"", "name=\"page\"", "name=\"merge\"");
  }
}
