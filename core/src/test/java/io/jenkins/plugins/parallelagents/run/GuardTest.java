package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.GuardSettings;
import io.jenkins.plugins.parallelagents.plan.PublishSettings;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskReport;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work that adds secrets, artefacts or large files fails its task and is never published. */
class GuardTest extends EngineTestBase {

  private static final String OPENAI_KEY = "sk-proj-" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";

  @Test
  void dotEnvWithAnApiKey_failsTheTaskNamingTheLine_andPublishesNothing() throws Exception {
    Path origin = git.bareOrigin(repo);
    RunReport report =
        engine.run(
            new Plans()
                .task("api", "echo 'OPENAI_API_KEY=" + OPENAI_KEY + "' > .env; echo ok > a.txt")
                .publish(new PublishSettings("origin", false))
                .build(),
            repo);

    TaskReport api = report.tasks().get(0);
    assertThat(api.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(api.reason())
        .contains("secret in .env:1 (OpenAI API key sk-****)")
        .contains("unwanted file .env (matches .env)");
    assertThat(report.run().status()).isEqualTo(RunStatus.FAILED);
    assertThat(git.git(origin, "branch", "--list", "agents/feature")).isEmpty();
    assertThat(git.git(repo, "branch", "--list", "agents/feature")).isEmpty();
    // The attempt's branch keeps the work for inspection.
    assertThat(git.show(repo, api.commit(), "a.txt")).isEqualTo("ok");
    Path runDir = Path.of(report.run().directory());
    for (String name : List.of("report.json", "report.md", "report.html", "junit.xml")) {
      assertThat(Files.readString(runDir.resolve(name))).as(name).doesNotContain(OPENAI_KEY);
    }
  }

  @Test
  void sourceMapAndNpmLog_failTheTask() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "web",
                    "mkdir -p dist src; echo '{}' > dist/app.js.map; echo npm > npm-debug.log;"
                        + " echo code > src/app.js")
                .build(),
            repo);

    TaskReport web = report.tasks().get(0);
    assertThat(web.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(web.reason())
        .contains("unwanted file dist/app.js.map (matches **/dist/**)")
        .contains("unwanted file npm-debug.log (matches *.log)");
  }

  @Test
  void allowedPaths_areNotFlagged() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "web",
                    "mkdir -p fixtures/dist; echo '{}' > fixtures/dist/app.js.map;"
                        + " echo 'OPENAI_API_KEY="
                        + OPENAI_KEY
                        + "' > fixtures/.env")
                .guard(guard(List.of(), List.of("fixtures/**"), 1024 * 1024))
                .build(),
            repo);

    assertThat(report.tasks().get(0).status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void fileOverTheLimit_andPlanJunk_failTheTask() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "web",
                    "head -c 3000 /dev/zero > blob.bin; echo x > scratch.tmp;"
                        + " git add -A; git commit -qm work")
                .guard(guard(List.of("*.tmp"), List.of(), 2048))
                .build(),
            repo);

    assertThat(report.tasks().get(0).status()).isEqualTo(TaskStatus.FAILED);
    assertThat(report.tasks().get(0).reason())
        .contains("file too large: blob.bin (2.9 KiB, limit 2 KiB)")
        .contains("unwanted file scratch.tmp (matches *.tmp)");
  }

  @Test
  void cleanWork_withPlaceholdersInAnExampleFile_succeeds() throws Exception {
    RunReport report =
        engine.run(
            new Plans()
                .task(
                    "api",
                    "printf 'API_KEY=changeme\\nTOKEN=${TOKEN}\\n' > .env.example;"
                        + " echo 'const key = process.env.API_KEY;' > app.js")
                .build(),
            repo);

    assertThat(report.tasks().get(0).status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(git.show(repo, "agents/feature", ".env.example")).contains("API_KEY=changeme");
  }

  private static GuardSettings guard(List<String> junk, List<String> allow, long maxFileSize) {
    return new GuardSettings(true, maxFileSize, junk, allow, List.of());
  }
}
