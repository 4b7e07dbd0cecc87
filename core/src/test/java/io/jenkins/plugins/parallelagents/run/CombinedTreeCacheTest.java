package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CacheSettings;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.SetAside;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The combined tree restores the cache but never saves it: it holds what agents committed, and a
 * file or link an agent put at a cache path must not reach the test of combinations without it.
 */
class CombinedTreeCacheTest extends EngineTestBase {

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", "deps.lock", "left-pad 1.0\n");
  }

  /**
   * An agent commits a file under a cache path; saved from the combined tree, it would be restored
   * into every later combination, the integration start included, which would then test red and
   * blame no task.
   */
  @Test
  void anAgentsTrackedFileInACachePath_staysOutOfCombinationsWithoutIt() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task("evil", "mkdir -p .deps && echo x > .deps/marker")
                .task("good", "echo good > good.txt")
                .cache(new CacheSettings(List.of("deps.lock"), List.of(".deps")))
                .test("mkdir -p .deps", "test ! -e .deps/marker")
                .build(),
            engine.options(repo).withStateRoot(temp.resolve("state")));

    assertThat(report.merge().setAside())
        .as("runs: %s; test: %s", report.test().runs(), report.test().reason())
        .extracting(SetAside::task)
        .containsExactly("evil");
    assertThat(report.run().status()).isEqualTo(RunStatus.PARTIAL);
  }

  /**
   * An agent commits the cache path as an absolute link; saved, every later tree with the same key
   * files would get a cache path leading out of the tree, where its setup writes.
   */
  @Test
  void anAgentsLinkAtACachePath_neverReachesTheCache() throws Exception {
    java.nio.file.Path outside = java.nio.file.Files.createDirectories(temp.resolve("outside"));
    RunReport report =
        engine.run(
            new Plans()
                .task("evil", "ln -s " + outside + " .deps")
                .task("good", "echo good > good.txt")
                .cache(new CacheSettings(List.of("deps.lock"), List.of(".deps")))
                .test("mkdir -p .deps && touch .deps/written-by-setup", "test ! -L .deps")
                .build(),
            engine.options(repo).withStateRoot(temp.resolve("state")));

    java.nio.file.Path cache = temp.resolve("state/cache");
    if (java.nio.file.Files.exists(cache)) {
      try (var entries = java.nio.file.Files.list(cache)) {
        assertThat(entries.map(e -> e.resolve(".deps")))
            .as("cache entries holding a link to %s", outside)
            .noneMatch(java.nio.file.Files::isSymbolicLink);
      }
    }
    assertThat(report.merge().setAside()).extracting(SetAside::task).containsExactly("evil");
  }
}
