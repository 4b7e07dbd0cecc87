package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's git calls start no housekeeping in the user's repository: a repack or ref packing
 * there would run under another run's fetch of the same repository.
 */
class AutoMaintenanceTest extends EngineTestBase {

  @Test
  void repositoryAskingForMaintenanceAfterEveryFetch_getsNoneFromARun() throws Exception {
    Files.writeString(
        repo.resolve(".git").resolve("config"),
        "[gc]\n\tauto = 1\n[maintenance \"loose-objects\"]\n\tenabled = true\n\tauto = -1\n",
        StandardOpenOption.APPEND);

    RunReport report =
        engine.run(
            new Plans().task("one", "echo one > one.txt").task("two", "echo two > two.txt").build(),
            repo);

    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    try (Stream<Path> packs = Files.list(repo.resolve(".git").resolve("objects").resolve("pack"))) {
      assertThat(packs.map(pack -> pack.getFileName().toString()))
          .as("packs that git's loose-objects maintenance wrote")
          .noneMatch(name -> name.startsWith("loose-"));
    }
  }
}
