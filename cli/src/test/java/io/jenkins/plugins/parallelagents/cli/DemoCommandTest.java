package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example end to end: real git, real agent processes, the real engine. */
class DemoCommandTest {

  /** The checkout this module is in: surefire runs the tests in cli/. */
  private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path tmp;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void demo_runsTheExampleAndPublishesTheTargetBranchToOrigin() throws Exception {
    Path demo = tmp.resolve("demo");
    Host host = Cli.isolatedHost(tmp.resolve("home"), tmp, CHECKOUT);

    Cli.Result result = Cli.run(host, "demo", "--dir", demo.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    Plan plan =
        new PlanParser()
            .parse(CHECKOUT.resolve(ExampleLocator.EXAMPLE).resolve(ExampleLocator.PLAN_FILE));
    GitProcess git = new GitProcess(host.environment());
    String published =
        git.require(
            demo,
            "--git-dir",
            demo.resolve("origin.git").toString(),
            "rev-parse",
            "--verify",
            "refs/heads/" + plan.target());
    assertThat(result.out())
        .contains("SUCCEEDED")
        .contains(
            "Verified:    origin.git has " + plan.target() + " at " + published.substring(0, 12))
        .contains("Demo folder: " + demo.toRealPath())
        .doesNotContain("removed");
    assertThat(result.err()).isEmpty();
    assertThat(demo.resolve("state")).isDirectory();
    assertThat(Files.exists(tmp.resolve("home/.cache")))
        .as("nothing written to the cache")
        .isFalse();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void demo_inATempFolder_withClean_removesItAfterwards() throws Exception {
    Host host = Cli.isolatedHost(tmp.resolve("home"), tmp, CHECKOUT);

    Cli.Result result = Cli.run(host, "demo", "--clean");

    assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ExitCodes.OK);
    String folder =
        result.outLines().stream()
            .filter(line -> line.startsWith("Demo folder: "))
            .findFirst()
            .orElseThrow()
            .substring("Demo folder: ".length());
    assertThat(Path.of(folder)).doesNotExist();
    assertThat(result.out()).contains("Demo folder removed (--clean).");
  }

  @Test
  void nonEmptyDir_isAUsageError() throws Exception {
    Files.writeString(tmp.resolve("something"), "x");

    Cli.Result result =
        Cli.run(
            Cli.isolatedHost(tmp.resolve("home"), tmp, CHECKOUT), "demo", "--dir", tmp.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.errLines().get(0)).contains("is not an empty folder");
  }
}
