package io.jenkins.plugins.parallelagents.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.MergeStatus;
import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import io.jenkins.plugins.parallelagents.report.Regenerated;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.report.SetAsideCause;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.run.RunEngine;
import io.jenkins.plugins.parallelagents.run.RunListener;
import io.jenkins.plugins.parallelagents.run.RunOptions;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Npm;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tasks that each add a package with npm conflict in package.json and package-lock.json; the
 * merge regenerates both instead of setting the later task aside. The packages are tarballs in the
 * repository, so npm never needs the network.
 */
class LockfileRegenerationTest extends EngineTestBase {

  private static final String NPM_FLAGS = " --offline --no-audit --no-fund";
  private static final String LOCKFILE_COMMAND =
      "npm install --package-lock-only --ignore-scripts --no-audit --no-fund";

  private Npm npm;

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of(
        "package.json",
        "{\n  \"name\": \"app\",\n  \"version\": \"1.0.0\",\n  \"private\": true,\n"
            + "  \"scripts\": {\n    \"test\": \"node test.js\"\n  }\n}\n",
        ".gitignore",
        "node_modules/\n",
        // The combined test needs the packages of both tasks.
        "test.js",
        "console.log(require('left-pad')('x'), require('right-pad')('y'));\n");
  }

  @BeforeEach
  void vendorPackages() throws Exception {
    Npm.assumeInstalled();
    npm = new Npm(git);
    npm.vendor(repo, "left-pad@1.0.0", "left-pad@2.0.0", "right-pad@1.0.0");
  }

  private static String install(String tarball) {
    return "npm install -D ./vendor/" + tarball + NPM_FLAGS;
  }

  /** Without a test: the tests of a single task would fail, needing both packages. */
  private Plans plan(String leftScript, String rightScript) {
    return new Plans().task("left", leftScript).task("right", rightScript);
  }

  private RunReport run(Plans plan) throws Exception {
    RunOptions options = RunOptions.forRepository(repo, npm.environment());
    return new RunEngine(plan.build(), options, RunListener.NONE).execute();
  }

  @Test
  void twoTasksAddingPackages_publishOneBranch_withBothPackagesInManifestAndLockfile()
      throws Exception {
    List<String> regenerateLines = Collections.synchronizedList(new ArrayList<>());
    RunListener listener =
        new RunListener() {
          @Override
          public void output(String source, String step, String line) {
            if (source.equals("merge") && step.equals("regenerate")) {
              regenerateLines.add(line);
            }
          }
        };
    RunReport report =
        new RunEngine(
                plan(install("left-pad-1.0.0.tgz"), install("right-pad-1.0.0.tgz"))
                    .test("npm ci" + NPM_FLAGS + " && npm test")
                    .build(),
                RunOptions.forRepository(repo, npm.environment()),
                listener)
            .execute();

    assertThat(report.merge().setAside()).isEmpty();
    assertThat(report.merge().status()).isEqualTo(MergeStatus.MERGED);
    assertThat(report.merge().merged()).containsExactly("left", "right");
    assertThat(report.merge().regenerated())
        .containsExactly(
            new Regenerated(
                "right", List.of("package.json", "package-lock.json"), List.of(LOCKFILE_COMMAND)));
    assertThat(report.predictedConflicts())
        .containsExactly(
            new PredictedConflict(
                "left", "right", List.of("package-lock.json", "package.json"), true));
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);

    String published = git.git(repo, "rev-parse", "agents/feature");
    assertThat(published).isEqualTo(report.merge().commit());
    assertThat(git.show(repo, published, "package.json"))
        .contains(
            "\"devDependencies\": {\n"
                + "    \"left-pad\": \"file:vendor/left-pad-1.0.0.tgz\",\n"
                + "    \"right-pad\": \"file:vendor/right-pad-1.0.0.tgz\"\n  }");
    assertThat(git.show(repo, published, "package-lock.json"))
        .contains("\"node_modules/left-pad\"", "\"node_modules/right-pad\"")
        .doesNotContain("<<<<<<<");
    Path checkout = temp.resolve("checkout");
    git.git(repo, "worktree", "add", "-q", "--detach", checkout.toString(), published);
    npm.run(checkout, "ci");
    assertThat(npm.run(checkout, "test")).contains("left-pad:x right-pad:y");
    assertThat(Files.readString(Path.of(report.run().directory()).resolve("merge.log")))
        .contains("$ " + LOCKFILE_COMMAND);
    assertThat(regenerateLines).as("npm's output, streamed").isNotEmpty();
  }

  @Test
  void twoVersionsOfOnePackage_setTheLaterTaskAside_namingBothVersions() throws Exception {
    RunReport report = run(plan(install("left-pad-1.0.0.tgz"), install("left-pad-2.0.0.tgz")));

    assertThat(report.merge().status()).isEqualTo(MergeStatus.PARTIAL);
    assertThat(report.merge().merged()).containsExactly("left");
    assertThat(report.merge().regenerated()).isEmpty();
    SetAside aside = report.merge().setAside().get(0);
    assertThat(aside.task()).isEqualTo("right");
    assertThat(aside.cause()).isEqualTo(SetAsideCause.CONFLICT);
    assertThat(aside.reason())
        .contains(
            "package.json: 'left-pad' is file:vendor/left-pad-1.0.0.tgz in the combination"
                + " and file:vendor/left-pad-2.0.0.tgz in 'right'");
  }

  @Test
  void aTaskLeavingInvalidJson_isSetAside_namingIt() throws Exception {
    String broken =
        install("right-pad-1.0.0.tgz")
            + " && sed -i 's/\"private\": true,/\"private\" true,/'"
            + " package.json";

    RunReport report = run(plan(install("left-pad-1.0.0.tgz"), broken));

    assertThat(report.merge().merged()).containsExactly("left");
    assertThat(report.merge().setAside())
        .singleElement()
        .extracting(SetAside::reason)
        .asString()
        .contains("package.json is not valid JSON in 'right'");
  }
}
