package io.jenkins.plugins.parallelagents.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling a run's live process from a dead one, as a later command does. */
class RunOwnerTest {

  @TempDir Path dir;

  private Process live;

  @BeforeEach
  void linuxOnly() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads /proc");
  }

  @AfterEach
  void stop() throws Exception {
    if (live != null) {
      live.destroyForcibly().waitFor();
    }
  }

  @Test
  void liveProcess_whoseStartTimeAnotherJvmSawMovedBySeconds_isNotGone() throws Exception {
    live = new ProcessBuilder("sleep", "600").start();
    RunOwner owner = RunOwner.of(live.toHandle());

    // What a JVM started after a clock adjustment reports for the same process (seen on CI: 5 s).
    RunOwner seenElsewhere =
        new RunOwner(
            owner.host(),
            owner.pid(),
            owner.processStartedAt().plusSeconds(5),
            owner.processStart());

    assertThat(seenElsewhere.isGone()).isFalse();
    assertThat(owner.isGone()).isFalse();
  }

  @Test
  void pidNowHeldByAnotherProcess_isGone() throws Exception {
    live = new ProcessBuilder("sleep", "600").start();
    RunOwner owner = RunOwner.of(live.toHandle());
    String[] mark = owner.processStart().split(":");
    long ticks = Long.parseLong(mark[1]);

    RunOwner earlierProcessOfThatPid =
        new RunOwner(
            owner.host(), owner.pid(), owner.processStartedAt(), mark[0] + ":" + (ticks - 1));
    RunOwner beforeAReboot =
        new RunOwner(owner.host(), owner.pid(), owner.processStartedAt(), "another-boot:" + ticks);

    assertThat(earlierProcessOfThatPid.isGone()).isTrue();
    assertThat(beforeAReboot.isGone()).isTrue();
  }

  @Test
  void endedProcess_isGone_andAnotherMachinesNeverIs() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    RunOwner owner = RunOwner.of(ended.toHandle());
    assertThat(ended.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(owner.isGone()).isTrue();
    assertThat(new RunOwner("another-machine", owner.pid(), null, null).isGone()).isFalse();
  }

  @Test
  void ownerOfAnOlderReport_withoutTheKernelMark_isJudgedByItsStartTime() throws Exception {
    live = new ProcessBuilder("sleep", "600").start();
    RunOwner owner = RunOwner.of(live.toHandle());

    assertThat(new RunOwner(owner.host(), owner.pid(), owner.processStartedAt(), null).isGone())
        .isFalse();
    assertThat(
            new RunOwner(owner.host(), owner.pid(), owner.processStartedAt().minusSeconds(60), null)
                .isGone())
        .isTrue();
  }

  @Test
  void processWhoseNameHoldsParenthesesAndSpaces_isStillRead() throws Exception {
    Path sleep = Path.of("/bin/sleep");
    assumeTrue(Files.isExecutable(sleep));
    Path odd = dir.resolve("a) 1 2 (x");
    Files.copy(sleep, odd, StandardCopyOption.COPY_ATTRIBUTES);
    long jvmTicks = ticks(RunOwner.current());

    live = new ProcessBuilder(odd.toString(), "600").start();
    RunOwner owner = RunOwner.of(live.toHandle());

    assertThat(ticks(owner)).as("started after this JVM").isGreaterThanOrEqualTo(jvmTicks);
    assertThat(owner.isGone()).isFalse();
  }

  private static long ticks(RunOwner owner) {
    return Long.parseLong(owner.processStart().substring(owner.processStart().indexOf(':') + 1));
  }
}
