package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code resume} and {@code merge} given what a careless user gives them. */
@Timeout(300)
class ContinuationCommandTest {

  private static final String PLAN =
      """
      version: 1
      name: feature
      agents:
        sh: { command: "echo api > api.txt" }
      defaults: { agent: sh }
      tasks:
        - id: api
          prompt: Add api.txt.
      test:
        command: exit 1
      """;

  @TempDir Path dir;

  @Test
  void resume_afterThePlanBecameInvalid_namesTheProblemsPlace_exits2() throws Exception {
    Path repo = repository("app");
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    Path plan = Files.writeString(dir.resolve("agents-plan.yaml"), PLAN);
    String state = dir.resolve("state").toString();
    assertThat(Cli.run(host, "run", plan.toString(), "--state-dir", state).exitCode()).isEqualTo(1);
    Files.writeString(plan, PLAN.replace("agent: sh", "agent: shh"));

    Cli.Result resumed = Cli.run(host, "resume", "--state-dir", state);

    assertThat(resumed.exitCode()).isEqualTo(2);
    assertThat(resumed.errLines().get(0))
        .isEqualTo(
            plan
                + ":5:20: defaults: 'agent' is 'shh', which is not an agent in 'agents'"
                + " (did you mean 'sh'?)");
  }

  @Test
  void anotherRepository_cannotResumeOrCleanTheRunsOfAStateFolderItDoesNotOwn() throws Exception {
    Path app = repository("app");
    Path other = repository("other");
    Host host = Cli.isolatedHost(dir.resolve("home"), app);
    Path plan = Files.writeString(dir.resolve("agents-plan.yaml"), PLAN);
    String state = dir.resolve("state").toString();
    assertThat(Cli.run(host, "run", plan.toString(), "--state-dir", state).exitCode()).isEqualTo(1);
    List<String> before = listing(dir.resolve("state"));

    Cli.Result resumed = Cli.run(host, "resume", "--repo", other.toString(), "--state-dir", state);
    Cli.Result cleaned =
        Cli.run(host, "clean", "--all", "--repo", other.toString(), "--state-dir", state);

    assertThat(resumed.exitCode()).isEqualTo(3);
    assertThat(resumed.err()).contains("holds the runs of " + app.toRealPath());
    assertThat(cleaned.exitCode()).isEqualTo(3);
    assertThat(cleaned.errLines())
        .first()
        .asString()
        .contains("holds the runs of " + app.toRealPath());
    assertThat(listing(dir.resolve("state"))).isEqualTo(before);
  }

  private Path repository(String name) throws Exception {
    Path repo = Files.createDirectories(dir.resolve(name));
    Host host = Cli.isolatedHost(dir.resolve("home"), repo);
    git(host, repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("README.md"), name + "\n");
    git(host, repo, "add", "-A");
    git(host, repo, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "one");
    return repo;
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  private static String git(Host host, Path repo, String... args) throws Exception {
    return String.join("\n", TestRepositories.git(host, repo, args));
  }
}
