package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.cli.modelserver.ModelScript;
import io.jenkins.plugins.parallelagents.cli.modelserver.ScriptedModelServer;
import io.jenkins.plugins.parallelagents.cli.modelserver.Turn;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RealAgentProbeTest {

  @TempDir(factory = AgentHomes.class)
  Path tmp;

  @BeforeAll
  static void clis() {
    AgentClis.assumeInstalled();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void eachCli_writesAFile() throws Exception {
    ModelScript script =
        new ModelScript()
            .task("by-claude", Turn.write("claude.txt", "from claude\n"), Turn.finish("Done."))
            .task("by-codex", Turn.write("codex.txt", "from codex\n"), Turn.finish("Done."))
            .task("by-gemini", Turn.write("gemini.txt", "from gemini\n"), Turn.finish("Done."));
    try (ScriptedModelServer server = new ScriptedModelServer(script)) {
      Path repo = tmp.resolve("repo");
      java.nio.file.Files.createDirectories(repo);
      Host host = AgentClis.host(tmp.resolve("home"), repo, server);
      TestRepositories.init(host, repo);
      Path plan =
          AgentProfiles.writePlan(
              tmp.resolve("plan.yaml"),
              "3m",
              new String[][] {
                {"by-claude", "claude", "Write claude.txt"},
                {"by-codex", "codex", "Write codex.txt"},
                {"by-gemini", "gemini", "Write gemini.txt"}
              });
      RealRun run = RealRun.of(host, plan, repo, tmp.resolve("state"));
      server
          .requests()
          .forEach(r -> System.err.println("REQ " + r.path() + " " + r.body().length()));
      System.err.println(run.explain());
      assertThat(run.task("by-claude").status()).isEqualTo(TaskStatus.SUCCEEDED);
      assertThat(run.task("by-codex").status()).isEqualTo(TaskStatus.SUCCEEDED);
      assertThat(run.task("by-gemini").status()).isEqualTo(TaskStatus.SUCCEEDED);
    }
  }
}
