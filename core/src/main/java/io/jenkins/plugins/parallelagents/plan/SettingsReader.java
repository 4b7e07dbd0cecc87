package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the plan's closing sections: {@code merge}, {@code test}, {@code publish}, {@code cleanup},
 * {@code guard}.
 */
final class SettingsReader {

  /**
   * A remote is a name or a URL, never something git reads as an option; the schema carries the
   * same pattern. Blank remotes are refused before, with a message of their own.
   */
  static final String REMOTE_PATTERN = "^(?!-)[\\s\\S]*\\S[\\s\\S]*$";

  private static final Pattern REMOTE = Pattern.compile(REMOTE_PATTERN);

  private final Problems problems;

  SettingsReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code null} mapping: the built-in merge settings. */
  MergeSettings merge(Node.Mapping mapping, AgentsReader.Agents agents) {
    if (mapping == null) {
      return MergeSettings.DEFAULT;
    }
    MappingReader in = new MappingReader(mapping, "merge", PlanKeys.MERGE, problems);
    MergeStrategy strategy = choice(in, "strategy", MergeStrategy.class, MergeStrategy.MERGE);
    ConflictPolicy onConflict = choice(in, "onConflict", ConflictPolicy.class, ConflictPolicy.FAIL);
    Located<String> resolver = in.text("resolver");
    if (resolver != null) {
      String unknown = agents.unknown(resolver.value());
      if (unknown != null) {
        in.problem("resolver", "'resolver' is '" + resolver.value() + "'" + unknown);
      }
    }
    if (onConflict == ConflictPolicy.RESOLVE && resolver == null && !in.has("resolver")) {
      in.problem("onConflict", "'onConflict' is resolve, which needs a 'resolver' agent to run");
    }
    if (strategy == null || onConflict == null) {
      return MergeSettings.DEFAULT;
    }
    // The resolver only matters when conflicts are resolved; the record says so with null.
    String chosen =
        onConflict == ConflictPolicy.RESOLVE && resolver != null ? resolver.value() : null;
    TestFailurePolicy onTestFailure =
        choice(in, "onTestFailure", TestFailurePolicy.class, TestFailurePolicy.EJECT);
    Integer maxTestRuns = in.integer("maxTestRuns", 1);
    return new MergeSettings(
        strategy,
        onConflict,
        chosen,
        onTestFailure == null ? TestFailurePolicy.EJECT : onTestFailure,
        maxTestRuns,
        new RegenerateRulesReader(problems).rules(in));
  }

  /** {@code null} mapping: no test command. */
  TestSettings test(Node.Mapping mapping) {
    if (mapping == null) {
      return null;
    }
    MappingReader in = new MappingReader(mapping, "test", PlanKeys.TEST, problems);
    CommandSpec command = in.command("command");
    if (!in.has("command")) {
      problems.add(mapping.position(), "test has no 'command'");
    }
    Duration timeout = in.duration("timeout");
    if (timeout == null) {
      timeout = TaskDefaults.TIMEOUT;
    }
    CommandSpec setup = in.command("setup");
    return command == null ? null : new TestSettings(command, timeout, setup);
  }

  /** {@code null} mapping: publish the local branch only. */
  PublishSettings publish(Node.Mapping mapping) {
    if (mapping == null) {
      return PublishSettings.LOCAL_ONLY;
    }
    MappingReader in = new MappingReader(mapping, "publish", PlanKeys.PUBLISH, problems);
    Located<String> remote = in.nonBlankText("remote");
    if (remote != null && !REMOTE.matcher(remote.value()).matches()) {
      // git push would take it for one of its options
      in.problem(
          "remote",
          "'remote' is '"
              + remote.value()
              + "', which git would read as an option;"
              + " name a remote or a URL");
      remote = null;
    }
    Boolean force = in.bool("force");
    return new PublishSettings(remote == null ? null : remote.value(), Boolean.TRUE.equals(force));
  }

  /** {@code null} mapping: the built-in retention. */
  CleanupSettings cleanup(Node.Mapping mapping) {
    if (mapping == null) {
      return CleanupSettings.DEFAULT;
    }
    MappingReader in = new MappingReader(mapping, "cleanup", PlanKeys.CLEANUP, problems);
    Integer keepDays = in.integer("keepDays", 0);
    Integer keepRuns = in.integer("keepRuns", 1);
    Integer keepSnapshotsDays = in.integer("keepSnapshotsDays", 0);
    return new CleanupSettings(
        keepDays == null ? CleanupSettings.DEFAULT.keepDays() : keepDays,
        keepRuns == null ? CleanupSettings.DEFAULT.keepRuns() : keepRuns,
        keepSnapshotsDays == null
            ? CleanupSettings.DEFAULT.keepSnapshotsDays()
            : keepSnapshotsDays);
  }

  /** {@code null} mapping: the built-in guard. */
  GuardSettings guard(Node.Mapping mapping) {
    if (mapping == null) {
      return GuardSettings.DEFAULT;
    }
    MappingReader in = new MappingReader(mapping, "guard", PlanKeys.GUARD, problems);
    Boolean secrets = in.bool("secrets");
    Long maxFileSize = in.size("maxFileSize");
    List<Located<String>> names = in.textList("redact");
    List<String> redact = names == null ? List.of() : names.stream().map(Located::value).toList();
    for (Located<String> name : names == null ? List.<Located<String>>of() : names) {
      if (!VARIABLE_NAME.matcher(name.value()).matches()) {
        problems.add(
            name.position(),
            "guard: 'redact' names '"
                + name.value()
                + "', which is not an environment variable name (letters, digits and _)");
      }
    }
    return new GuardSettings(
        !Boolean.FALSE.equals(secrets),
        maxFileSize == null ? GuardSettings.DEFAULT_MAX_FILE_SIZE : maxFileSize,
        texts(in, "junk"),
        texts(in, "allow"),
        redact);
  }

  /** Names {@code guard.redact} accepts; the schema carries the same pattern. */
  static final String VARIABLE_NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";

  private static final Pattern VARIABLE_NAME = Pattern.compile(VARIABLE_NAME_PATTERN);

  private static List<String> texts(MappingReader in, String key) {
    List<Located<String>> items = in.textList(key);
    return items == null ? List.of() : items.stream().map(Located::value).toList();
  }

  /**
   * One of an enum's constants, written in lower case in the file; the default when absent, {@code
   * null} when wrong (reported).
   */
  private static <E extends Enum<E>> E choice(
      MappingReader in, String key, Class<E> type, E fallback) {
    if (!in.has(key)) {
      return fallback;
    }
    Located<String> text = in.text(key);
    if (text == null) {
      return null;
    }
    List<String> allowed =
        Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    int index = allowed.indexOf(text.value());
    if (index < 0) {
      in.problem(
          key,
          "'"
              + key
              + "' is '"
              + text.value()
              + "', which is not one of "
              + String.join(", ", allowed)
              + Suggestions.hint(text.value(), allowed));
      return null;
    }
    return type.getEnumConstants()[index];
  }
}
