package io.jenkins.plugins.parallelagents.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this machine can run the agent sandbox. Its tests skip, with the reason, only where
 * bubblewrap is missing or unusable; where {@code PARALLEL_AGENTS_REQUIRE_SANDBOX} is set (CI,
 * which installs it) they fail instead, so that they can never be skipped unnoticed.
 */
public final class Bubblewrap {

  private Bubblewrap() {}

  public static void assumeUsable() {
    String missing = problem();
    if (missing == null) {
      return;
    }
    if (System.getenv("PARALLEL_AGENTS_REQUIRE_SANDBOX") != null) {
      assertThat(missing).as("the sandbox tests are required here").isNull();
    }
    Assumptions.abort(missing);
  }

  /** Why bubblewrap cannot run here, or {@code null} when it can. */
  private static String problem() {
    ProcessBuilder probe =
        new ProcessBuilder("bwrap", "--ro-bind", "/", "/", "--unshare-pid", "true")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      Process process = probe.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return "bwrap did not answer";
      }
      return process.exitValue() == 0 ? null : "bwrap cannot make its sandbox here";
    } catch (IOException e) {
      return "bwrap is not installed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
