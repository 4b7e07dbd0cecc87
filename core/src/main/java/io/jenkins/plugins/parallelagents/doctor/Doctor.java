package io.jenkins.plugins.parallelagents.doctor;

import io.jenkins.plugins.parallelagents.git.EnvironmentException;
import io.jenkins.plugins.parallelagents.git.GitVersion;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.sandbox.SandboxCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks, before a long run, what would make a plan fail here only once it is under way: git too
 * old, bubblewrap missing for a sandboxed agent, an agent CLI missing, not signed in, or too old or
 * too new for the options its profile passes. Runs each program through the given runner, so with
 * the run's {@code PATH} and environment; starts no agent.
 */
public final class Doctor {

  private final CommandRunner runner;
  private final Map<String, String> environment;
  private final Path directory;

  /**
   * @param runner runs git, bubblewrap and the agent CLIs' {@code --version} and {@code --help}
   * @param environment the environment the run would have: its {@code PATH}, keys and {@code HOME}
   * @param directory where the run would start (a folder of the checkout); programs named by a
   *     relative path are found from the top of its checkout, as in a task's repository
   */
  public Doctor(CommandRunner runner, Map<String, String> environment, Path directory) {
    this.runner = Objects.requireNonNull(runner);
    this.environment = Map.copyOf(environment);
    this.directory = directory.toAbsolutePath().normalize();
  }

  /** Checks git and, for {@code plan} (or {@code null} for none), its sandbox and agents. */
  public Diagnosis examine(Plan plan) {
    List<Check> checks = new ArrayList<>();
    checks.add(git());
    if (plan != null) {
      checks.add(sandbox(plan));
      AgentCheck agents = new AgentCheck(runner, environment, checkoutTop());
      for (String name : usedAgents(plan)) {
        checks.addAll(agents.check(plan.agents().get(name)));
      }
    }
    return new Diagnosis(checks);
  }

  private Check git() {
    CommandResult result =
        runner.run(
            CommandRequest.captured(directory, List.of("git", "--version"))
                .withTimeout(AgentCheck.PROBE_TIMEOUT));
    String install = "install git " + GitVersion.MINIMUM + " or newer";
    if (result.failureToStart() != null) {
      return Check.failed("git", "git is not installed (not found on the PATH)", install);
    }
    GitVersion version = result.ok() ? GitVersion.parse(result.stdout()) : null;
    if (version == null) {
      return Check.failed("git", "git --version did not print a version", install);
    }
    if (version.compareTo(GitVersion.MINIMUM) < 0) {
      return Check.failed(
          "git",
          "git "
              + version
              + " is too old: conflict prediction needs git merge-tree --write-tree ("
              + GitVersion.MINIMUM
              + ")",
          install);
    }
    return Check.ok("git", "git " + version + " (" + GitVersion.MINIMUM + " or newer needed)");
  }

  private Check sandbox(Plan plan) {
    List<String> sandboxed =
        usedAgents(plan).stream().filter(name -> plan.agents().get(name).sandbox()).toList();
    if (sandboxed.isEmpty()) {
      return Check.ok("bubblewrap", "not needed: no agent the plan uses runs in the sandbox");
    }
    try {
      SandboxCheck.require(plan, runner, directory);
    } catch (EnvironmentException e) {
      return Check.failed("bubblewrap", e.getMessage(), e.fix());
    }
    return Check.ok(
        "bubblewrap", "makes its sandbox here, for " + String.join(", ", quoted(sandboxed)));
  }

  /**
   * The profiles a run starts: each task's (its own, or {@code defaults.agent}) and the conflict
   * resolver; not the profiles a plan only keeps ready.
   */
  static Set<String> usedAgents(Plan plan) {
    Set<String> used = new LinkedHashSet<>();
    for (Task task : plan.tasks()) {
      if (task.agent() != null && plan.agents().containsKey(task.agent())) {
        used.add(task.agent());
      }
    }
    String resolver = plan.merge().resolver();
    if (resolver != null && plan.agents().containsKey(resolver)) {
      used.add(resolver);
    }
    return used;
  }

  /** Where a task's repository has what the checkout has: its top folder, else the directory. */
  private Path checkoutTop() {
    CommandResult result =
        runner.run(
            CommandRequest.captured(directory, List.of("git", "rev-parse", "--show-toplevel"))
                .withTimeout(AgentCheck.PROBE_TIMEOUT));
    if (result.ok()) {
      Path top = Path.of(result.stdout().strip());
      if (Files.isDirectory(top)) {
        return top;
      }
    }
    return directory;
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(name -> "agent '" + name + "'").toList();
  }
}
