package io.jenkins.plugins.parallelagents.sandbox;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks, before a run creates anything, that a plan whose agents run in the sandbox can have it
 * here: Linux, bubblewrap on the run's {@code PATH}, and allowed to make its namespaces.
 */
public final class SandboxCheck {

  static final String INSTALL =
      "install bubblewrap (apt-get install bubblewrap, or dnf install bubblewrap),"
          + " or remove 'sandbox: true' from the plan";

  private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

  private SandboxCheck() {}

  /**
   * Does nothing for a plan that runs no agent in the sandbox; otherwise runs {@code bwrap} once,
   * with the flags every sandboxed agent gets, through {@code runner} (so with the run's {@code
   * PATH}).
   *
   * @param directory an existing folder the probe may use as its tree (the user's checkout: it only
   *     runs {@code true} there)
   * @throws EnvironmentException when the sandbox cannot run here, saying how to install it
   */
  public static void require(Plan plan, CommandRunner runner, Path directory)
      throws EnvironmentException {
    Set<String> sandboxed = sandboxedAgents(plan);
    if (sandboxed.isEmpty()) {
      return;
    }
    String who = "the plan runs " + describe(sandboxed) + " in the sandbox";
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
      throw new EnvironmentException(
          who + ", which needs Linux (bubblewrap); this is " + os,
          "run the plan on Linux, or remove 'sandbox: true' from the plan");
    }
    CommandResult probe =
        runner.run(
            CommandRequest.captured(directory, Sandbox.wrap(List.of("true"), directory, List.of()))
                .withTimeout(PROBE_TIMEOUT));
    if (probe.failureToStart() != null) {
      throw new EnvironmentException(
          who + ", but bubblewrap (" + Sandbox.PROGRAM + ") was not found on the PATH", INSTALL);
    }
    if (!probe.ok()) {
      String why = probe.stderr().strip().lines().findFirst().orElse("exit " + probe.exitCode());
      throw new EnvironmentException(
          who + ", but bubblewrap cannot make its sandbox here: " + why,
          "allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1,"
              + " or in a container run it with them allowed), or remove 'sandbox: true'"
              + " from the plan");
    }
  }

  /** The profiles that a task or the conflict resolver runs, and that are sandboxed. */
  static Set<String> sandboxedAgents(Plan plan) {
    Set<String> used = new LinkedHashSet<>();
    for (Task task : plan.tasks()) {
      if (task.agent() != null) {
        used.add(task.agent());
      }
    }
    if (plan.merge().resolver() != null) {
      used.add(plan.merge().resolver());
    }
    Set<String> sandboxed = new LinkedHashSet<>();
    for (String name : used) {
      AgentProfile profile = plan.agents().get(name);
      if (profile != null && profile.sandbox()) {
        sandboxed.add(name);
      }
    }
    return sandboxed;
  }

  private static String describe(Set<String> names) {
    List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
    return (quoted.size() == 1 ? "agent " : "agents ") + String.join(", ", quoted);
  }
}
