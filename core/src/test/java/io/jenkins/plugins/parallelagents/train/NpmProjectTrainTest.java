package io.jenkins.plugins.parallelagents.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.run.RunEngine;
import io.jenkins.plugins.parallelagents.run.RunListener;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Npm;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merge train on a small npm project, as a team uses it: two tasks add packages (their
 * lockfiles conflict and are regenerated), one changes a shared function and breaks a test it did
 * not run, one writes docs. The combined tree installs with {@code test.setup}, the red test is
 * searched, the task that broke it is named with the failing test and set aside, and the rest is
 * published as PARTIAL on a branch where {@code npm ci && npm test} passes.
 */
class NpmProjectTrainTest extends EngineTestBase {

  private static final String NPM = " --offline --no-audit --no-fund";

  private Npm npm;

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of(
        "package.json",
        "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n"
            + "  \"scripts\": {\n    \"test\": \"node --test\"\n  }\n}\n",
        ".gitignore",
        "node_modules/\n",
        "lib/sum.js",
        "module.exports = (a, b) => a + b;\n",
        "test/sum.test.js",
        "const test = require('node:test');\nconst assert = require('node:assert');\n"
            + "const sum = require('../lib/sum');\n"
            + "test('sum adds two numbers', () => assert.strictEqual(sum(1, 2), 3));\n");
  }

  @BeforeEach
  void vendorPackages() throws Exception {
    Npm.assumeInstalled();
    npm = new Npm(git);
    npm.vendor(repo, "left-pad@1.0.0", "right-pad@1.0.0");
  }

  /** A task that installs a package and tests that it is there. */
  private static String uses(String name) {
    return "npm install -D ./vendor/"
        + name
        + "-1.0.0.tgz"
        + NPM
        + " && printf \"require('node:test')('"
        + name
        + " loads', () => require('"
        + name
        + "'));\\n\" > test/"
        + name
        + ".test.js";
  }

  @Test
  void packagesAreRegenerated_theTaskThatBrokeATestIsEjected_andTheRestIsPublished()
      throws Exception {
    RunReport report =
        new RunEngine(
                new Plans()
                    .task("left", uses("left-pad"))
                    .task("right", uses("right-pad"))
                    .task("shared", "echo 'module.exports = (a, b) => a - b;' > lib/sum.js")
                    .task("docs", "echo 'Sums things.' > README.md")
                    .test("npm ci" + NPM, "npm test")
                    .build(),
                RunOptions.forRepository(repo, npm.environment()),
                RunListener.NONE)
            .execute();

    assertThat(report.merge().regenerated()).extracting(r -> r.task()).containsExactly("right");
    assertThat(report.merge().setAside())
        .singleElement()
        .satisfies(
            (SetAside aside) -> {
              assertThat(aside.task()).isEqualTo("shared");
              assertThat(aside.cause()).isEqualTo(SetAsideCause.EJECTED);
              assertThat(aside.failingTests()).containsExactly("sum adds two numbers");
              assertThat(aside.reason()).contains("failing: sum adds two numbers");
            });
    assertThat(report.merge().merged()).containsExactly("left", "right", "docs");
    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.test().runs().get(0).failingTests()).containsExactly("sum adds two numbers");
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);

    Path checkout = temp.resolve("checkout");
    git.git(repo, "worktree", "add", "-q", "--detach", checkout.toString(), "agents/feature");
    npm.run(checkout, "ci");
    assertThat(npm.run(checkout, "test")).contains("# pass 3", "# fail 0");
    assertThat(git.show(repo, "agents/feature", "lib/sum.js")).contains("a + b");
  }
}
