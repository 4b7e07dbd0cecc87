package io.jenkins.plugins.parallelagents.trust;

import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.RegenerateRule;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The repository files a plan decides what runs with: the plan file itself, {@code
 * .worktreeinclude} (which ignored files reach the tasks), and every script in the repository that
 * one of the plan's commands runs by its path ({@code ./scripts/setup.sh}, {@code bash
 * tools/verify.sh}). The plan has no includes; a command that reaches a file another way (a build
 * file, a script run by a script) runs the code under review, as any CI build of the change does.
 */
public final class PlanInputs {

  /** The file the engine reads, whatever the plan says, to copy ignored files into each task. */
  public static final String WORKTREE_INCLUDE = ".worktreeinclude";

  /** Programs that run the script named after their options. */
  private static final Set<String> INTERPRETERS =
      Set.of("sh", "bash", "dash", "zsh", "ksh", "python", "python3", "node", "ruby", "perl");

  private PlanInputs() {}

  /**
   * The files, as paths from the repository's top folder, sorted.
   *
   * @param planPath the plan's path from the repository's top folder
   */
  public static SortedSet<String> of(Plan plan, String planPath) {
    SortedSet<String> files = new TreeSet<>();
    files.add(normalized(planPath).orElse(planPath));
    files.add(WORKTREE_INCLUDE);
    for (CommandSpec command : commands(plan)) {
      script(command).flatMap(PlanInputs::normalized).ifPresent(files::add);
    }
    return files;
  }

  private static List<CommandSpec> commands(Plan plan) {
    List<CommandSpec> commands = new ArrayList<>();
    for (AgentProfile agent : plan.agents().values()) {
      commands.add(agent.command());
    }
    for (Task task : plan.tasks()) {
      commands.add(task.setup());
      commands.add(task.verify());
    }
    if (plan.test() != null) {
      commands.add(plan.test().command());
      commands.add(plan.test().setup());
    }
    for (RegenerateRule rule : plan.merge().regenerate()) {
      commands.add(rule.command());
    }
    if (plan.environment().database() != null && plan.environment().database().commands() != null) {
      commands.add(plan.environment().database().commands().create());
      commands.add(plan.environment().database().commands().createEmpty());
      commands.add(plan.environment().database().commands().drop());
    }
    commands.removeIf(command -> command == null);
    return commands;
  }

  /**
   * The path of the program a command runs, or of the script its interpreter runs. A shell line is
   * read by its first words only: enough for the usual {@code ./script args}; anything cleverer is
   * the script's own business.
   */
  static Optional<String> script(CommandSpec command) {
    List<String> words =
        command.isShell() ? List.of(command.shell().strip().split("\\s+")) : command.argv();
    int index = 0;
    if (!words.isEmpty() && INTERPRETERS.contains(words.get(0))) {
      index = 1;
      while (index < words.size() && words.get(index).startsWith("-")) {
        index++;
      }
    }
    if (index >= words.size()) {
      return Optional.empty();
    }
    String word = words.get(index);
    boolean path = word.contains("/") || index > 0;
    return path ? Optional.of(word) : Optional.empty();
  }

  /**
   * A path inside the repository, without {@code ./}; empty for an absolute path, one that leaves
   * the repository, or a word that is no plain path (quotes, variables, placeholders).
   */
  private static Optional<String> normalized(String word) {
    if (word.isEmpty() || word.matches(".*[\"'$`{}*?\\\\].*")) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(word).normalize();
      if (path.isAbsolute() || path.toString().isEmpty() || path.startsWith("..")) {
        return Optional.empty();
      }
      return Optional.of(path.toString().replace('\\', '/'));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
