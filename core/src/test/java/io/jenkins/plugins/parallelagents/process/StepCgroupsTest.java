package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The net no process escapes: a step's control group. The hostile step here clears its environment
 * (no run marker), starts a session of its own (no process group) and leaves its parent (no
 * descendant): only the control group still holds it.
 */
@Timeout(120)
class StepCgroupsTest {

  /** Hides a sleep from the marker, the group and the tree; its pid lands in hidden.pid. */
  static final String HIDE =
      "(env -i setsid sh -c 'sleep 9999 & echo $! > hidden.pid; wait' > /dev/null 2>&1 &);"
          + " while [ ! -s hidden.pid ]; do sleep 0.05; done";

  @TempDir Path dir;

  private final LocalCommandRunner runner = new LocalCommandRunner(System.getenv());
  private Process jvm;

  @BeforeEach
  void requireControlGroups() {
    runner.run(step("true"));
    if (runner.cgroup().isEmpty()) {
      String why = "this machine lets the JVM make no cgroup v2 group with cgroup.kill";
      if (System.getenv("PARALLEL_AGENTS_REQUIRE_CGROUP") != null) {
        throw new AssertionError("the control group tests are required here: " + why);
      }
      Assumptions.abort(why);
    }
  }

  @AfterEach
  void close() {
    runner.close();
    if (jvm != null) {
      jvm.destroyForcibly();
    }
  }

  @Test
  void processThatClearedItsEnvironmentAndLeftTheSession_isStoppedWhenTheStepEnds()
      throws Exception {
    CommandResult result = runner.run(step(HIDE));

    assertThat(result.exitCode()).isZero();
    assertThat(ProcessLifetimeTest.stopsWithin10s(hiddenPid())).as("the hidden sleep").isTrue();
  }

  @Test
  void eachStepsGroup_isRemovedWhenItEnds_andTheRunnersWhenItCloses() throws Exception {
    Path group = runner.cgroup().orElseThrow();
    runner.run(step("sleep 0.1 &"));

    try (var left = Files.list(group)) {
      assertThat(left.filter(Files::isDirectory)).as("step groups left").isEmpty();
    }
    runner.close();
    assertThat(group).doesNotExist();
  }

  @Test
  void jvmKilledWithKill9_stillTakesTheHiddenProcessWithIt() throws Exception {
    jvm =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HiddenProcessMain.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("ready");
    }
    long hidden = hiddenPid();
    assertThat(ProcessHandle.of(hidden)).as("hidden while the JVM lives").isPresent();

    jvm.destroyForcibly(); // SIGKILL: only the watchdog is left to act
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(ProcessLifetimeTest.stopsWithin10s(hidden)).as("the hidden sleep").isTrue();
  }

  private long hiddenPid() throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("hidden.pid")).strip());
  }

  private CommandRequest step(String script) {
    return CommandRequest.logged(
        dir, List.of("sh", "-c", script), Map.of(), Duration.ofMinutes(1), null, null);
  }
}
