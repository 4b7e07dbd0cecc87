package io.jenkins.plugins.parallelagents.doctor;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The program an agent profile starts and the arguments it passes to it, found through what usually
 * stands before it: variable assignments ({@code FOO=1 codex ...}), {@code env}, {@code exec},
 * {@code command}, {@code nohup}, {@code sh -c '...'}, a {@code cd} first, or a {@code cat prompt
 * |} in front of the agent.
 */
record Invocation(String program, List<String> arguments) {

  private static final Pattern ASSIGNMENT =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

  /** Words that run the rest of the line as the command: skipped with their own options. */
  private static final Set<String> PREFIXES = Set.of("env", "exec", "command", "nohup");

  /** Options of {@code env} that take the next word as their value. */
  private static final Set<String> ENV_VALUE_OPTIONS = Set.of("-u", "--unset", "-C", "--chdir");

  /** Shell builtins that set things up for the agent but are not it. */
  private static final Set<String> SETUP = Set.of("cd", "export", "set", "unset", "umask", ":");

  private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh");

  Invocation {
    arguments = List.copyOf(arguments);
  }

  /** The program's file name, without its folders. */
  String name() {
    return baseName(program);
  }

  /** Without folders; by hand, since a plan's word may be no valid path (a NUL in it). */
  static String baseName(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }

  /** The invocation in {@code command}, or empty when it starts no program (an empty line). */
  static Optional<Invocation> of(CommandSpec command) {
    if (command.isShell()) {
      return ofShell(command.shell(), 0);
    }
    return of(command.argv(), 0);
  }

  private static Optional<Invocation> ofShell(String line, int depth) {
    Invocation first = null;
    for (List<String> words : ShellWords.commands(line)) {
      Optional<Invocation> invocation = of(words, depth);
      if (invocation.isEmpty() || SETUP.contains(invocation.get().program())) {
        continue;
      }
      if (KnownCli.named(invocation.get().name()).isPresent()) {
        return invocation;
      }
      if (first == null) {
        first = invocation.get();
      }
    }
    return Optional.ofNullable(first);
  }

  private static Optional<Invocation> of(List<String> words, int depth) {
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i);
      if (ASSIGNMENT.matcher(word).matches()) {
        i++;
      } else if (PREFIXES.contains(word)) {
        i = skipPrefixOptions(words, i + 1, word.equals("env"));
      } else {
        break;
      }
    }
    if (i >= words.size()) {
      return Optional.empty();
    }
    String program = words.get(i);
    List<String> arguments = new ArrayList<>(words.subList(i + 1, words.size()));
    // A shell given a line to run: the agent is in that line. Bounded, as the plan is user input.
    if (depth < 3
        && SHELLS.contains(baseName(program))
        && arguments.size() >= 2
        && arguments.get(0).equals("-c")) {
      return ofShell(arguments.get(1), depth + 1);
    }
    return Optional.of(new Invocation(program, arguments));
  }

  private static int skipPrefixOptions(List<String> words, int from, boolean env) {
    int i = from;
    while (i < words.size() && words.get(i).startsWith("-")) {
      String option = words.get(i);
      i++;
      if (option.equals("--")) {
        break;
      }
      if (env && ENV_VALUE_OPTIONS.contains(option)) {
        i++;
      }
    }
    return i;
  }
}
