package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.PublishStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PublishTest extends EngineTestBase {

  @Test
  void withoutRemote_updatesTheLocalTargetBranch() throws Exception {
    RunReport report = engine.run(new Plans().task("api", "echo a > a.txt").build(), repo);

    assertThat(report.publish().status()).isEqualTo(PublishStatus.UPDATED);
    assertThat(git.git(repo, "rev-parse", "agents/feature")).isEqualTo(report.merge().commit());
  }

  @Test
  void redTest_publishesNothing() throws Exception {
    Path origin = git.bareOrigin(repo);
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo a > a.txt")
                .test("echo checking; exit 1")
                .publish(new PublishSettings("origin", false))
                .build(),
            repo);

    assertThat(report.test().status()).isEqualTo(TestStatus.FAILED);
    assertThat(report.test().exitCode()).isEqualTo(1);
    assertThat(report.publish().status()).isEqualTo(PublishStatus.SKIPPED);
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(Files.readString(Path.of(report.run().directory(), "test.log")))
        .contains("checking");
  }

  @Test
  void notAGitRepository_isAnEnvironmentError() throws Exception {
    Path plain = Files.createDirectories(temp.resolve("plain"));
    assertThatThrownBy(() -> engine.run(new Plans().task("api", "true").build(), plain))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageStartingWith("not a git repository");
  }

  @Test
  void unknownBase_isAnEnvironmentErrorWithTheFix() throws Exception {
    var plan = new Plans().task("api", "true").build();
    var withBase =
        new io.jenkins.plugins.parallelagents.plan.Plan(
            plan.source(),
            1,
            plan.name(),
            "feature/missing",
            plan.target(),
            plan.interfaces(),
            plan.agents(),
            plan.tasks(),
            plan.maxParallel(),
            plan.failFast(),
            plan.merge(),
            plan.test(),
            plan.publish(),
            plan.cleanup(),
            plan.guard());
    assertThatThrownBy(() -> engine.run(withBase, repo))
        .isInstanceOf(EnvironmentException.class)
        .hasMessageContaining("unknown base 'feature/missing'")
        .satisfies(e -> assertThat(((EnvironmentException) e).fix()).contains("base:"));
  }
}
