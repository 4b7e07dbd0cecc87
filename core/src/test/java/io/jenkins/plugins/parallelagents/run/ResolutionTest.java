package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.Resolution;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the resolver agent changed, as the report shows it, and the merge commit it leaves. */
class ResolutionTest extends EngineTestBase {

  private static final String SECRET = "password=hunter2-from-outside";

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("conf/config.txt", "color=blue\n", "README.md", "app\n");
  }

  private RunReport resolvedBy(String resolverScript) throws Exception {
    return engine.run(
        new Plans()
            .task("api", "echo color=red > conf/config.txt")
            .task("page", "echo color=green > conf/config.txt")
            .agent("fixer", CommandSpec.shell(resolverScript))
            .merge(new MergeSettings(MergeStrategy.MERGE, ConflictPolicy.RESOLVE, "fixer"))
            .build(),
        repo);
  }

  private Resolution onlyResolution(RunReport report) {
    assertThat(report.merge().status()).as(report.merge().reason()).isEqualTo(MergeStatus.RESOLVED);
    assertThat(report.merge().resolutions()).hasSize(1);
    Resolution resolution = report.merge().resolutions().get(0);
    assertThat(resolution.task()).isEqualTo("page");
    assertThat(resolution.file()).isEqualTo("conf/config.txt");
    return resolution;
  }

  @Test
  void resolvedFile_isReportedAsADiffFromTheMarkersToTheResolution() throws Exception {
    RunReport report = resolvedBy("echo color=teal > conf/config.txt");

    String diff = onlyResolution(report).diff();
    assertThat(diff)
        .startsWith("--- a/conf/config.txt\n+++ b/conf/config.txt\n@@")
        .contains("\n-<<<<<<< ", "\n-color=red\n", "\n-=======\n", "\n-color=green\n")
        .contains("\n->>>>>>> ", "\n+color=teal\n");
  }

  @Test
  void resolvedMerge_isCommittedWithTheEnginesMessage_withoutGitsConflictsBlock() throws Exception {
    RunReport report = resolvedBy("echo color=teal > conf/config.txt");

    String message = git.git(repo, "log", "-1", "--format=%B", report.merge().commit());
    assertThat(message.strip()).isEqualTo("Merge page: Task page (agents)");
    assertThat(message).doesNotContain("Conflicts").doesNotContain("#");
  }

  @Test
  void aLongResolution_isCutWithANote() throws Exception {
    RunReport report = resolvedBy("seq 1 500 > conf/config.txt");

    String diff = onlyResolution(report).diff();
    assertThat(diff.lines()).hasSize(201);
    assertThat(diff)
        .endsWith("more lines not shown\n")
        .contains("\n+100\n")
        .doesNotContain("\n+300\n");
  }

  @Test
  void aResolutionTooLargeToRead_isNamedBySize() throws Exception {
    RunReport report = resolvedBy("seq 1 300000 > conf/config.txt");

    assertThat(onlyResolution(report).diff())
        .containsPattern("\\+\\(\\d+ bytes, too large to show\\)")
        .doesNotContain("+150000");
  }

  @Test
  void aResolutionThatIsALinkOutOfTheTree_isShownAsTheLink_notItsTarget() throws Exception {
    Path secret = Files.writeString(temp.resolve("secret.txt"), SECRET + "\n");
    RunReport report = resolvedBy("ln -sf '" + secret + "' conf/config.txt");

    String diff = onlyResolution(report).diff();
    assertThat(diff).contains("+(symbolic link to " + secret + ")").doesNotContain(SECRET);
  }

  @Test
  void aResolutionThatTurnsItsFolderIntoALink_isNotReadThroughIt() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("config.txt"), SECRET + "\n");
    RunReport report = resolvedBy("rm -rf conf && ln -s '" + outside + "' conf");

    String diff = onlyResolution(report).diff();
    assertThat(diff).contains("+(outside the tree)").doesNotContain(SECRET);
  }
}
