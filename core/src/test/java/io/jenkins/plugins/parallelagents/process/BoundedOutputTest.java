package io.jenkins.plugins.parallelagents.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a command prints, the engine's memory and the log's size stay bounded. */
@Timeout(120)
class BoundedOutputTest {

  @TempDir Path dir;

  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Test
  void hugeLine_isCutWithAMarker_andTheCommandIsNotKilledByAClosedPipe() throws Exception {
    // 100 MB without a newline; "&& exit 7" tells the writer ran to its end (SIGPIPE gives 141)
    CommandResult result =
        run(
            new LocalCommandRunner(System.getenv()),
            "yes | tr -d '\\n' | head -c 100000000 && echo && echo after && exit 7");

    assertThat(result.exitCode()).isEqualTo(7);
    List<String> log = Files.readAllLines(dir.resolve("agent.log"));
    int kept = OutputLimits.DEFAULT.lineBytes();
    assertThat(log).hasSize(2);
    assertThat(log.get(0))
        .startsWith("y".repeat(kept))
        .endsWith("y [truncated " + (100_000_000 - kept) + " bytes]")
        .hasSize(kept + " [truncated 99934464 bytes]".length());
    assertThat(log.get(1)).isEqualTo("after");
    assertThat(lines).containsExactlyElementsOf(log);
  }

  @Test
  void floodOfOutput_logStopsAtItsLimitWithOneMarker_whileTheOutputIsStillRead() throws Exception {
    LocalCommandRunner runner =
        new LocalCommandRunner(
            System.getenv(), UnaryOperator.identity(), new OutputLimits(1024, 100_000));

    // 5 MB in lines of 11 bytes; the pipeline's status is head's own: 141 if its pipe closed
    CommandResult result = run(runner, "yes 0123456789 | head -c 5000000");

    assertThat(result.exitCode()).isZero();
    List<String> log = Files.readAllLines(dir.resolve("agent.log"));
    String last = log.get(log.size() - 1);
    assertThat(last).matches("\\[truncated \\d+ bytes]");
    long keptBytes = Files.size(dir.resolve("agent.log")) - (last.length() + 1);
    assertThat(keptBytes).isLessThanOrEqualTo(100_000);
    long truncated = Long.parseLong(last.replaceAll("\\D", ""));
    assertThat(keptBytes + truncated)
        .as("every byte is either kept or counted")
        .isEqualTo(5_000_000);
    assertThat(log.subList(0, log.size() - 1)).allMatch("0123456789"::equals);
    assertThat(lines).endsWith(last);
  }

  @Test
  void logFiles_areReadableByTheirOwnerOnly() throws Exception {
    run(new LocalCommandRunner(System.getenv()), "echo token=abc");

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent.log"))))
        .isEqualTo("rw-------");
  }

  @Test
  void lineFilter_changesEachCappedLineBeforeTheLogAndTheHostSeeIt() throws Exception {
    AtomicInteger longest = new AtomicInteger();
    LocalCommandRunner runner =
        new LocalCommandRunner(
            System.getenv(),
            line -> {
              longest.accumulateAndGet(line.length(), Math::max);
              return line.replace("s3cr3t", "****");
            },
            new OutputLimits(100, 1_000_000));

    CommandResult result =
        run(runner, "echo key=s3cr3t; head -c 5000 /dev/zero | tr '\\0' x; echo");

    assertThat(result.ok()).isTrue();
    assertThat(Files.readAllLines(dir.resolve("agent.log")).get(0)).isEqualTo("key=****");
    assertThat(lines.get(0)).isEqualTo("key=****");
    assertThat(Files.readAllLines(dir.resolve("agent.log")).get(1))
        .isEqualTo("x".repeat(100) + " [truncated 4900 bytes]");
    assertThat(longest.get())
        .as("a cut line's filter sees past the cut, not the whole line")
        .isEqualTo(100 + LineSplitter.LOOKAHEAD_BYTES);
  }

  @Test
  void lineTheFilterFailsOn_isWithheld_andTheCommandGoesOn() throws Exception {
    LocalCommandRunner runner =
        new LocalCommandRunner(
            System.getenv(),
            line -> {
              if (line.contains("s3cr3t")) {
                throw new IllegalStateException("cannot mask");
              }
              return line;
            });

    CommandResult result = run(runner, "echo key=s3cr3t; echo done");

    assertThat(result.ok()).isTrue();
    assertThat(Files.readString(dir.resolve("agent.log")))
        .doesNotContain("s3cr3t")
        .contains("done");
    assertThat(lines).noneMatch(l -> l.contains("s3cr3t"));
  }

  /** Shaped like no provider's token: only the environment can tell that it is a secret. */
  private static final String TOKEN = "env-only-Token-7781-qwerty";

  @ParameterizedTest(name = "the secret starts {0} bytes into the line")
  @ValueSource(ints = {65_512, 65_520, 65_530, 65_535})
  void secretTheLineCutFallsInto_reachesNoLogNorHostEvenInPart(int before) throws Exception {
    Redactor redactor = Redactor.of(Map.of("GITHUB_TOKEN", TOKEN), List.of());
    LocalCommandRunner runner =
        new LocalCommandRunner(System.getenv(), redactor::redact, redactor::redactCut);

    CommandResult result =
        run(
            runner,
            Map.of("GITHUB_TOKEN", TOKEN),
            "head -c " + before + " /dev/zero | tr '\\0' a; echo \"$GITHUB_TOKEN and more\"");

    assertThat(result.ok()).isTrue();
    String log = Files.readString(dir.resolve("agent.log"));
    assertThat(log).startsWith("a".repeat(before)).contains("[truncated ");
    assertNoPrefixOf(TOKEN, log);
    lines.forEach(line -> assertNoPrefixOf(TOKEN, line));
  }

  @Test
  void providerTokenTheLineCutFallsInto_reachesNoLogEvenInPart() throws Exception {
    String token = "ghp_" + "Ab1".repeat(12);
    Redactor redactor = Redactor.of(Map.of(), List.of());
    LocalCommandRunner runner =
        new LocalCommandRunner(System.getenv(), redactor::redact, redactor::redactCut);

    run(runner, "head -c 65530 /dev/zero | tr '\\0' a; echo " + token);

    assertNoPrefixOf(token.substring("ghp_".length()), Files.readString(dir.resolve("agent.log")));
  }

  @Test
  void secretLongerThanWhatTheFilterSeesPastTheCut_reachesNoLogEvenInPart() throws Exception {
    String longSecret = "Long-secret-" + "0123456789".repeat(600);
    Redactor redactor = Redactor.of(Map.of("SIGNING_KEY", longSecret), List.of());
    LocalCommandRunner runner =
        new LocalCommandRunner(
            System.getenv(),
            redactor::redact,
            redactor::redactCut,
            new OutputLimits(100, 1_000_000),
            CaptureLimits.DEFAULT);

    run(runner, Map.of("SIGNING_KEY", longSecret), "printf 'key: %s\\n' \"$SIGNING_KEY\"");

    String log = Files.readString(dir.resolve("agent.log"));
    assertThat(log).startsWith("key: ****").contains("[truncated ");
    assertNoPrefixOf(longSecret, log);
  }

  /** Not even the secret's first {@value Redactor#MIN_LENGTH} characters may show. */
  private static void assertNoPrefixOf(String secret, String text) {
    assertThat(text).doesNotContain(secret.substring(0, Redactor.MIN_LENGTH));
  }

  private CommandResult run(LocalCommandRunner runner, String script) {
    return run(runner, Map.of(), script);
  }

  private CommandResult run(
      LocalCommandRunner runner, Map<String, String> environment, String script) {
    try (runner) {
      return runner.run(
          CommandRequest.logged(
              dir,
              List.of("sh", "-c", script),
              environment,
              null,
              dir.resolve("agent.log"),
              lines::add));
    }
  }
}
