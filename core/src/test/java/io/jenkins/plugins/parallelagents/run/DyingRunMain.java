package io.jenkins.plugins.parallelagents.run;

import io.jenkins.plugins.parallelagents.testing.EngineHarness;
import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A JVM running a plan whose agent ignores SIGTERM and leaves a process in a session of its own:
 * {@link RunLifetimeTest} kills this JVM with SIGKILL. It prints {@code run <dir>}, then the
 * agent's output lines.
 *
 * <p>Arguments: the sandbox folder, the repository.
 */
public final class DyingRunMain {

  /** The agent: an escaped grandchild that ignores TERM, then its marker, then waiting. */
  static final String AGENT =
      "trap '' TERM; setsid nohup sh -c \"trap '' TERM; sleep 9999\" > /dev/null 2>&1 &"
          + " echo \"marker $PARALLEL_AGENTS_RUN_TOKEN\"; sleep 9999";

  private DyingRunMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    RunListener listener =
        new RunListener() {
          @Override
          public void runStarted(String runId, Path runDirectory) {
            print(out, "run " + runDirectory);
          }

          @Override
          public void output(String source, String step, String line) {
            print(out, line);
          }
        };
    new EngineHarness(new GitSandbox(Path.of(args[0])))
        .run(new Plans().task("stuck", AGENT).build(), Path.of(args[1]), listener);
  }

  private static void print(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
