package io.jenkins.plugins.parallelagents.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.ConflictPolicy;
import io.jenkins.plugins.parallelagents.plan.MergeSettings;
import io.jenkins.plugins.parallelagents.plan.MergeStrategy;
import io.jenkins.plugins.parallelagents.plan.RegenerateRule;
import io.jenkins.plugins.parallelagents.plan.TestFailurePolicy;
import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.Regenerated;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generated file ({@code ALL.txt}, every part joined) that two tasks each rebuilt conflicts; the
 * plan's {@code merge.regenerate} rule rebuilds it from the merged parts.
 */
class PlanRuleRegenerationTest extends EngineTestBase {

  private static final String JOIN = "cat parts/*.txt > ALL.txt && ls parts > INDEX.txt";

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("parts/base.txt", "base\n", "ALL.txt", "base\n", "INDEX.txt", "base.txt\n");
  }

  private static String addPart(String name) {
    return "echo " + name + " > parts/" + name + ".txt && " + JOIN;
  }

  private static Plans plan(String rule, String leftScript) {
    return new Plans()
        .task("left", leftScript)
        .task("right", addPart("right"))
        .merge(
            new MergeSettings(
                MergeStrategy.MERGE,
                ConflictPolicy.FAIL,
                null,
                TestFailurePolicy.EJECT,
                null,
                List.of(new RegenerateRule("*.txt", CommandSpec.shell(rule)))));
  }

  @Test
  void aGeneratedFileInConflict_isRebuiltByThePlansCommand_fromBothTasksSources() throws Exception {
    RunReport report = engine.run(plan(JOIN, addPart("left")).build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(report.merge().merged()).containsExactly("left", "right");
    String combined = report.merge().commit();
    assertThat(git.show(repo, combined, "ALL.txt")).isEqualTo("base\nleft\nright");
    assertThat(git.show(repo, combined, "INDEX.txt")).isEqualTo("base.txt\nleft.txt\nright.txt");
    assertThat(report.merge().regenerated())
        .containsExactly(new Regenerated("right", List.of("ALL.txt", "INDEX.txt"), List.of(JOIN)));
    assertThat(report.predictedConflicts())
        .containsExactly(
            new PredictedConflict("left", "right", List.of("ALL.txt", "INDEX.txt"), true));
  }

  @Test
  void aConflictInAFileNoRuleCovers_setsTheTaskAside_asAnyConflict() throws Exception {
    String leftScript = addPart("left") + " && echo left > README.md";
    String rightAlsoReadme = addPart("right") + " && echo right > README.md";
    Plans plan =
        plan(JOIN, leftScript)
            .task("both", rightAlsoReadme)
            .merge(
                new MergeSettings(
                    MergeStrategy.MERGE,
                    ConflictPolicy.FAIL,
                    null,
                    TestFailurePolicy.EJECT,
                    null,
                    List.of(new RegenerateRule("*.txt", CommandSpec.shell(JOIN)))));

    RunReport report = engine.run(plan.build(), repo);

    assertThat(report.merge().merged()).containsExactly("left", "right");
    assertThat(report.merge().setAside())
        .singleElement()
        .extracting(SetAside::task, SetAside::files)
        .containsExactly("both", List.of("ALL.txt", "INDEX.txt", "README.md"));
    assertThat(report.predictedConflicts())
        .filteredOn(p -> p.b().equals("both") && p.a().equals("left"))
        .singleElement()
        .extracting(PredictedConflict::regenerable)
        .isEqualTo(false);
  }

  @Test
  void aRuleWhoseCommandFails_setsTheTaskAside_withTheCommandsFailure() throws Exception {
    RunReport report = engine.run(plan("exit 3", addPart("left")).build(), repo);

    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().merged()).containsExactly("left");
    assertThat(report.merge().setAside())
        .singleElement()
        .extracting(SetAside::reason)
        .asString()
        .startsWith("merging 'right' conflicts in ALL.txt, INDEX.txt")
        .endsWith("regenerating did not settle it: 'exit 3' failed (exit 3)");
  }
}
