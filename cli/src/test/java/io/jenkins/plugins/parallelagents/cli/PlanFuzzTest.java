package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated plans, from valid ones, fed to {@code validate} and {@code run --dry-run}: whatever the
 * text, the answer is a valid plan (exit 0, one line) or its problems (exit 2, one line each, no
 * stack trace), and both commands give the same one.
 */
class PlanFuzzTest {

  private static Path dir;
  private static List<String> seeds;

  @BeforeContainer
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("plan-fuzz");
    Path module = Path.of(System.getProperty("basedir", "."));
    String example =
        Files.readString(
            module.resolve("../examples/notification-preferences/agents-plan.yaml").normalize());
    seeds =
        List.of(
            example,
            Plans.VALID,
            """
            version: 1
            name: small
            target: feature/small
            agents:
              script: { command: ["./agent.sh", "{task}"] }
            defaults: { agent: script, attempts: 2, paths: ["src/**"] }
            tasks:
              - id: a
                prompt: Do a.
                verify: ["sh", "-c", "true"]
              - id: b
                needs: [a]
                prompt: Do b.
            publish: { remote: origin }
            """);
  }

  @AfterContainer
  static void tearDown() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(PlanFuzzTest::delete);
    }
  }

  @Property(tries = 300)
  void anyPlan_isValidOrItsProblemsAreListed_andDryRunAgrees(@ForAll("mutatedPlans") String text)
      throws IOException {
    Path plan = dir.resolve("agents-plan.yaml");
    Files.writeString(plan, text);

    Cli.Result validate = Cli.run("validate", plan.toString());
    Cli.Result dryRun = Cli.run("run", plan.toString(), "--dry-run");

    Statistics.collect(validate.exitCode() == ExitCodes.OK ? "valid" : "invalid");
    assertThat(validate.exitCode()).isIn(ExitCodes.OK, ExitCodes.USAGE);
    if (validate.exitCode() == ExitCodes.OK) {
      assertThat(validate.outLines())
          .singleElement()
          .asString()
          .startsWith(plan + ": valid plan '");
      assertThat(validate.err()).isEmpty();
    } else {
      assertThat(validate.out()).isEmpty();
      assertThat(validate.errLines())
          .isNotEmpty()
          .allMatch(
              line -> line.matches("\\Q" + plan + "\\E(:\\d+:\\d+)?: \\S.*"),
              "file:line:column: message, or file: message for the whole file");
      // a stack trace's lines match neither form above; its frames are checked for all the same
      assertThat(validate.err()).doesNotContain("\tat ");
    }
    assertThat(dryRun.exitCode()).as("run --dry-run agrees").isEqualTo(validate.exitCode());
    if (validate.exitCode() == ExitCodes.USAGE) {
      assertThat(dryRun.err()).isEqualTo(validate.err());
    }
  }

  @Provide
  Arbitrary<String> mutatedPlans() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.of(Mutation.Kind.class),
                Arbitraries.integers().between(0, 10_000),
                replacements())
            .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(1).ofMaxSize(4))
        .as(PlanFuzzTest::mutate);
  }

  /** Values hostile in the ways plans have been: globs, ref names, huge numbers, YAML syntax. */
  private static Arbitrary<String> replacements() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "[",
            "{a,b",
            "src/**",
            "a\\",
            "HEAD",
            "refs/heads/main",
            "-x",
            "--upload-pack=touch x",
            "main/sub",
            "a..b",
            "x.lock",
            "@{u}",
            "0",
            "-1",
            "11",
            "100000000",
            "99999999999999999999999",
            "1e9",
            "0x10",
            ".inf",
            "yes",
            "~",
            "null",
            "''",
            "\"\"",
            "[]",
            "{}",
            "[\"\"]",
            "&anchor value",
            "*anchor",
            "!!binary aGk=",
            "!custom value",
            "<<: *anchor",
            "|",
            "'unclosed",
            "\"unclosed",
            "\t",
            "30 min",
            "9".repeat(400),
            "x".repeat(70),
            "y".repeat(300)),
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.integers().map(String::valueOf));
  }

  private static String mutate(String seed, List<Mutation> mutations) {
    List<String> lines = new ArrayList<>(seed.lines().toList());
    for (Mutation m : mutations) {
      if (lines.isEmpty()) {
        break;
      }
      int i = m.where() % lines.size();
      String line = lines.get(i);
      switch (m.kind()) {
        case DELETE_LINE -> lines.remove(i);
        case DUPLICATE_LINE -> lines.add(i, line);
        case REPLACE_VALUE -> {
          int colon = line.indexOf(": ");
          lines.set(
              i, colon < 0 ? line + " " + m.value() : line.substring(0, colon + 2) + m.value());
        }
        case REPLACE_LIST_ITEM -> {
          int dash = line.indexOf("- ");
          lines.set(i, dash < 0 ? m.value() : line.substring(0, dash + 2) + m.value());
        }
        case INDENT -> lines.set(i, " ".repeat(1 + m.where() % 3) + line);
        case DEDENT -> lines.set(i, line.stripLeading());
        case ANCHOR -> {
          int colon = line.indexOf(": ");
          lines.set(
              i,
              colon < 0
                  ? line
                  : line.substring(0, colon + 2) + "&anchor " + line.substring(colon + 2));
        }
        case INSERT_LINE -> lines.add(i, m.value());
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** One change to a plan's text, at line {@code where} modulo the number of lines. */
  record Mutation(Kind kind, int where, String value) {
    enum Kind {
      DELETE_LINE,
      DUPLICATE_LINE,
      REPLACE_VALUE,
      REPLACE_LIST_ITEM,
      INDENT,
      DEDENT,
      ANCHOR,
      INSERT_LINE
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
