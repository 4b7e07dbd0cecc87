package io.jenkins.plugins.parallelagents.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Writes docs/cli.md from the picocli model, so the reference says exactly what the command line
 * accepts. {@link CliReferenceTest} fails when the file in the repository differs.
 */
final class CliReference {

  static final String REGENERATE =
      "mvn -B -q -pl core,cli test -Dtest=CliReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dregenerate.docs=true";

  /** Fixed, so the file does not depend on the terminal it was generated in. */
  private static final int WIDTH = 100;

  private CliReference() {}

  static String markdown() {
    CommandLine top = Main.commandLine(new Host(Map.of(), null, Path.of(".")));
    top.setUsageHelpWidth(WIDTH);
    top.setUsageHelpAutoWidth(false);
    StringBuilder md = new StringBuilder();
    md.append("# Command line reference\n\n")
        .append("<!-- Generated from the picocli model by cli/src/test/java/")
        .append("io/jenkins/plugins/parallelagents/cli/CliReference.java; do not edit.\n")
        .append("     Regenerate: ")
        .append(REGENERATE)
        .append(" -->\n\n")
        .append("`bin/parallel-agents` runs the command line from a checkout: it builds")
        .append(" `cli/target/parallel-agents.jar` when the jar is missing or older than the")
        .append(" sources, then runs it with the arguments given.\n\n")
        .append("## Exit codes\n\n")
        .append(
            "Every command exits with one of these codes (its `--help` ends with them too).\n\n")
        .append("| code | meaning |\n|---|---|\n");
    ExitCodes.descriptions()
        .forEach(
            (code, meaning) ->
                md.append("| ").append(code).append(" | ").append(meaning).append(" |\n"));
    section(md, top);
    top.getSubcommands().values().forEach(sub -> section(md, sub));
    return md.toString();
  }

  /** The exit codes are listed once at the top rather than after every command. */
  private static void section(StringBuilder md, CommandLine command) {
    command.getCommandSpec().usageMessage().exitCodeListHeading("").exitCodeList(Map.of());
    md.append("\n## `")
        .append(command.getCommandSpec().qualifiedName())
        .append("`\n\n```text\n")
        .append(command.getUsageMessage(Ansi.OFF).stripTrailing())
        .append("\n```\n");
  }

  /** Regenerates the file in place: {@code CliReference [path/to/docs/cli.md]}. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "docs/cli.md");
    Files.writeString(file, markdown());
  }
}
