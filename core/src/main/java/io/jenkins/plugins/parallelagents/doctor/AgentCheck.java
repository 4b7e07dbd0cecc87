package io.jenkins.plugins.parallelagents.doctor;

import io.jenkins.plugins.parallelagents.plan.AgentProfile;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.process.Executables;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one agent profile: its program is on the {@code PATH}; for a known CLI, its version, its
 * sign-in, and that it accepts every option the profile passes.
 */
final class AgentCheck {

  /**
   * A CLI starting a JavaScript runtime the first time can be slow; a hung one is not waited on.
   */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern VERSION = Pattern.compile("\\d+(?:\\.\\d+)+(?:-[0-9A-Za-z.]+)?");
  private static final Pattern NUMBER = Pattern.compile("-\\d.*");

  private final CommandRunner runner;
  private final Map<String, String> environment;
  private final Path directory;

  AgentCheck(CommandRunner runner, Map<String, String> environment, Path directory) {
    this.runner = runner;
    this.environment = Map.copyOf(environment);
    this.directory = directory;
  }

  List<Check> check(AgentProfile profile) {
    String subject = "agent '" + profile.name() + "'";
    Optional<Invocation> found = Invocation.of(profile.command());
    if (found.isEmpty()) {
      return List.of(
          Check.failed(
              subject,
              "its command starts no program: " + profile.command().display(),
              "give the profile a command that starts the agent"));
    }
    Invocation invocation = found.get();
    Optional<KnownCli> cli = KnownCli.named(invocation.name());
    Optional<Path> program = find(invocation.program());
    if (program.isEmpty()) {
      return List.of(
          Check.failed(
              subject,
              invocation.program() + " is not installed (not found on the PATH)",
              cli.map(known -> "install it: " + known.install())
                  .orElse("install " + invocation.program() + ", or fix the profile's command")));
    }
    if (cli.isEmpty()) {
      return List.of(
          Check.ok(
              subject,
              invocation.program()
                  + " is "
                  + program.get()
                  + " (not a known agent CLI: its version, sign-in and options are not checked)"));
    }
    CommandResult version = probe(program.get(), List.of("--version"));
    if (!version.ok()) {
      return List.of(
          Check.failed(
              subject,
              program.get() + " --version did not work: " + firstLine(version),
              "reinstall it: " + cli.get().install()));
    }
    String number = versionIn(version.stdout() + "\n" + version.stderr());
    List<Check> checks = new ArrayList<>();
    checks.add(Check.ok(subject, invocation.name() + " " + number + " at " + program.get()));
    checks.add(
        new SignIn(environment).check(cli.get(), subject + ": sign-in", invocation.arguments()));
    checks.add(options(subject + ": options", cli.get(), program.get(), invocation, number));
    return checks;
  }

  /** The options the profile passes, checked against the help of the program or subcommand. */
  private Check options(
      String subject, KnownCli cli, Path program, Invocation invocation, String version) {
    if (invocation.arguments().stream().noneMatch(argument -> argument.startsWith("-"))) {
      return Check.ok(subject, "passes no options");
    }
    HelpText topHelp = help(program, List.of());
    if (topHelp == null) {
      return Check.warning(
          subject,
          program + " --help did not work; the options could not be checked",
          "run " + cli.program() + " --help by hand");
    }
    HelpText help = topHelp;
    String command = cli.program();
    List<String> unknown = new ArrayList<>();
    List<String> known = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    boolean seenSubcommand = false;
    for (String argument : invocation.arguments()) {
      if (argument.equals("--")) {
        break;
      }
      if (!argument.startsWith("-") || argument.equals("-") || NUMBER.matcher(argument).matches()) {
        if (!seenSubcommand && topHelp.listsCommand(argument)) {
          HelpText subHelp = help(program, List.of(argument));
          if (subHelp == null) {
            return Check.warning(
                subject,
                cli.program()
                    + " "
                    + argument
                    + " --help did not work; the options could not be"
                    + " checked",
                "run " + cli.program() + " " + argument + " --help by hand");
          }
          help = subHelp;
          command = cli.program() + " " + argument;
        }
        // Only the first word can name a subcommand; the others are values and the prompt.
        seenSubcommand = true;
        continue;
      }
      String option =
          argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
      if (help.lists(option)) {
        known.add(option);
        help.deprecation(option).ifPresent(words -> fixes.add(option + ": " + words));
      } else {
        unknown.add(option);
      }
    }
    if (!unknown.isEmpty()) {
      List<String> unknownFixes = new ArrayList<>();
      for (String option : unknown) {
        unknownFixes.add(
            cli.renamed(option)
                .orElse(
                    "remove " + option + ", or update " + cli.program() + ": " + cli.install()));
      }
      return Check.failed(
          subject,
          command
              + " "
              + version
              + " does not list "
              + String.join(", ", unknown)
              + " in its --help",
          String.join("; ", unknownFixes));
    }
    if (!fixes.isEmpty()) {
      return Check.warning(
          subject,
          command + " " + version + " calls an option deprecated: " + String.join("; ", fixes),
          "use what its --help says instead, before a release drops the option");
    }
    return Check.ok(
        subject,
        known.isEmpty()
            ? "passes no options"
            : command + " " + version + " lists " + String.join(", ", known));
  }

  private HelpText help(Path program, List<String> subcommand) {
    List<String> arguments = new ArrayList<>(subcommand);
    arguments.add("--help");
    CommandResult result = probe(program, arguments);
    if (!result.ok()) {
      return null;
    }
    return new HelpText(result.stdout() + "\n" + result.stderr());
  }

  /** Runs the program with its standard input closed and no terminal, for a limited time. */
  private CommandResult probe(Path program, List<String> arguments) {
    List<String> argv = new ArrayList<>();
    argv.add(program.toString());
    argv.addAll(arguments);
    return runner.run(CommandRequest.captured(directory, argv).withTimeout(PROBE_TIMEOUT));
  }

  private Optional<Path> find(String program) {
    try {
      return Executables.find(program, environment.get("PATH"), directory);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** The version number in {@code text}, or "(version unknown)": never the raw output. */
  static String versionIn(String text) {
    Matcher m = VERSION.matcher(text);
    return m.find() ? m.group() : "(version unknown)";
  }

  private static String firstLine(CommandResult result) {
    if (result.failureToStart() != null || result.timedOut()) {
      return result.describeFailure("it");
    }
    String text = (result.stderr() + "\n" + result.stdout()).strip();
    String line = text.lines().findFirst().orElse("exit " + result.exitCode());
    line = line.replaceAll("\\p{Cntrl}", "");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }
}
