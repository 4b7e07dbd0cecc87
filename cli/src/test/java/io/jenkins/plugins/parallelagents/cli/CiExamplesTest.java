package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The CI examples call only commands and options that exist, and their image copies only files that
 * exist.
 */
class CiExamplesTest {

  private static final Path ROOT =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
  private static final Path EXAMPLES = ROOT.resolve("examples/ci");

  /** A command in a YAML script line, or in a JSON string of the pipeline generator. */
  private static final Pattern YAML_LINE =
      Pattern.compile("^\\s*(?:- )?(parallel-agents .*)$", Pattern.MULTILINE);

  private static final Pattern JSON_STRING =
      Pattern.compile("\"(parallel-agents (?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everyCommandInTheWorkflows_parsesWithTheCommandLine() throws IOException {
    List<String> commands = new ArrayList<>();
    for (Path file : files()) {
      String text = Files.readString(file);
      Matcher matcher = (file.toString().endsWith(".jq") ? JSON_STRING : YAML_LINE).matcher(text);
      while (matcher.find()) {
        String line = matcher.group(1).replace("\\\"", "\"");
        commands.add(line);
        List<String> words = words(line);
        ParseResult parsed =
            Main.commandLine(Host.current())
                .parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        assertThat(parsed.subcommand()).as(file + ": " + line).isNotNull();
      }
    }
    assertThat(commands)
        .anyMatch(c -> c.startsWith("parallel-agents outline"))
        .anyMatch(c -> c.startsWith("parallel-agents task"))
        .anyMatch(c -> c.startsWith("parallel-agents finish"))
        .hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void aCommandWithAnOptionThatDoesNotExist_doesNotParse() {
    List<String> words = words("parallel-agents finish --start start --handoffs handoffs");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Main.commandLine(Host.current())
                    .parseArgs(words.subList(1, words.size()).toArray(String[]::new)))
        .isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void theImage_copiesOnlyFilesOfTheRepository() throws IOException {
    List<String> sources = new ArrayList<>();
    for (String line : Files.readAllLines(EXAMPLES.resolve("Dockerfile"))) {
      if (line.startsWith("COPY ") && !line.startsWith("COPY --from")) {
        List<String> words = words(line);
        sources.addAll(words.subList(1, words.size() - 1));
      }
    }
    assertThat(sources).contains("tools/agent-clis/package-lock.json", "cli/src");
    for (String source : sources) {
      assertThat(ROOT.resolve(source)).as(source).exists();
    }
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      return files
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".jq"))
          .sorted()
          .toList();
    }
  }

  /** A shell line's words up to a redirection, quotes removed; variables stay as written. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '>' || c == ';' || c == '|' || c == '&') {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
