package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.CacheSettings;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task's tree gets what an earlier tree's setup made for the same key files. */
class TreeCacheRunTest extends EngineTestBase {

  /** Installs only when nothing was restored, and says which task installed. */
  private static final String INSTALL =
      "test -d .deps || { mkdir .deps && echo $AGENT_TASK_ID > .deps/installed-by; }";

  @Override
  protected Map<String, String> initialFiles() {
    return Map.of("README.md", "app\n", "deps.lock", "left-pad 1.0\n");
  }

  private static Task withSetup(String id, boolean foundation, String... needs) {
    Task t = Plans.task(id, foundation, needs);
    return new Task(
        t.id(),
        t.title(),
        foundation,
        t.needs(),
        t.prompt(),
        List.of(),
        t.agent(),
        Duration.ofMinutes(1),
        1,
        CommandSpec.shell(INSTALL),
        null,
        null);
  }

  @Test
  void aLaterTask_reusesWhatTheFirstSetupMade_andNeitherCommitsIt() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .add(withSetup("base", true), "echo base > base.txt")
                .add(withSetup("api", false, "base"), "cp .deps/installed-by seen.txt")
                .cache(new CacheSettings(List.of("deps.lock"), List.of(".deps")))
                .build(),
            engine.options(repo).withStateRoot(temp.resolve("state")));

    TaskReport api = report.task("api").orElseThrow();
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, api.branch(), "seen.txt"))
        .as("the dependencies the foundation's setup installed")
        .isEqualTo("base");
    assertThat(api.changedFiles()).containsExactly("seen.txt");
    assertThat(temp.resolve("state/cache")).isDirectory();
  }
}
