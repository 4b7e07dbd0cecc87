package io.jenkins.plugins.parallelagents.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM whose step hides a process from every net but its control group, then waits to be killed:
 * {@code java HiddenProcessMain DIR}. Prints "ready" once the hidden process's pid is in {@code
 * DIR/hidden.pid}.
 */
public final class HiddenProcessMain {

  private HiddenProcessMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    LocalCommandRunner runner = new LocalCommandRunner(System.getenv());
    Thread step =
        new Thread(
            () ->
                runner.run(
                    CommandRequest.logged(
                        dir,
                        List.of("sh", "-c", StepCgroupsTest.HIDE + "; sleep 9999"),
                        Map.of(),
                        Duration.ofMinutes(5),
                        null,
                        null)));
    step.start();
    Path pid = dir.resolve("hidden.pid");
    while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
      Thread.sleep(10);
    }
    System.out.println("ready");
    System.out.flush();
    step.join();
  }
}
