package io.jenkins.plugins.parallelagents.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a plan file (YAML, or JSON by its {@code .json} ending) and validates every rule at once.
 *
 * <p>Every problem found is reported together in one {@link InvalidPlanException}, each located at
 * a line and column of the file: {@code agents-plan.yaml:14:9: task 'api' needs 'migraton', which
 * is not a task (did you mean 'migration'?)}. Instances hold no state and may be shared.
 */
public final class PlanParser {

  /** The one version of the plan format this parser reads. */
  public static final int VERSION = 1;

  /** Plan names become branch and run names; the schema carries the same pattern. */
  static final String NAME_PATTERN = "^[a-z0-9][a-z0-9._-]*$";

  /**
   * The largest plan read, in bytes (1 MiB, far above any real plan): the size is checked before
   * anything is parsed, and it bounds the parser's time too, which grows faster than the size for a
   * long unbroken scalar.
   */
  public static final int MAX_BYTES = 1 << 20;

  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  private final boolean agentRequired;

  /**
   * A parser for hosts that can stand in for a missing agent (a Jenkins block): a task may name
   * none.
   */
  public PlanParser() {
    this(false);
  }

  private PlanParser(boolean agentRequired) {
    this.agentRequired = agentRequired;
  }

  /**
   * A parser for hosts with nothing to stand in for a missing agent (the command line): a task that
   * names no agent, itself or through {@code defaults}, is a problem of the plan.
   */
  public static PlanParser requiringAgents() {
    return new PlanParser(true);
  }

  /**
   * Reads and validates {@code file}; messages name it as given. Only a regular file of at most
   * {@link #MAX_BYTES} is read: a folder, a pipe, a device or a larger file is a problem of the
   * whole file, found without reading it.
   *
   * @throws IOException when the file exists but cannot be read
   */
  public Plan parse(Path file) throws IOException, InvalidPlanException {
    return parse(PlanFileReader.read(file), file.toString());
  }

  /**
   * Validates plan text; {@code fileName} names it in messages and decides the format ({@code
   * .json} is JSON, anything else YAML).
   */
  public Plan parse(String content, String fileName) throws InvalidPlanException {
    Problems problems = new Problems(fileName);
    if (content.length() > MAX_BYTES) {
      // Each character is at least one byte: this text is over the limit whatever its encoding.
      problems.add(Position.FILE, PlanFileReader.tooLarge(content.length() + " characters"));
      throw problems.toException();
    }
    boolean json = fileName.toLowerCase(Locale.ROOT).endsWith(".json");
    Optional<Node> root;
    try {
      root = new NodeReader(json).read(content);
    } catch (NodeReader.MalformedException e) {
      problems.add(e.position(), e.getMessage());
      throw problems.toException();
    }
    if (root.isEmpty()) {
      problems.add(Position.FILE, "the file is empty; a plan starts with 'version: 1'");
      throw problems.toException();
    }
    if (!(root.get() instanceof Node.Mapping mapping)) {
      problems.add(
          root.get().position(),
          "the plan must be a mapping of keys such as 'version', 'name' and 'tasks', not "
              + MappingReader.describe(root.get()));
      throw problems.toException();
    }
    Plan plan = read(mapping, fileName, problems, agentRequired);
    if (!problems.isEmpty()) {
      throw problems.toException();
    }
    return plan;
  }

  /** The plan, or {@code null} when a problem was reported. */
  private static Plan read(
      Node.Mapping mapping, String fileName, Problems problems, boolean agentRequired) {
    MappingReader in = new MappingReader(mapping, "", PlanKeys.TOP_LEVEL, problems);
    version(in, problems);
    String name = name(in, problems);
    String target = target(in, name);
    Located<String> base = in.nonBlankText("base");
    Located<String> interfaces = in.text("interfaces");
    TaskReader taskReader = new TaskReader(problems);
    TaskDefaults defaults = taskReader.defaults(in.mapping("defaults"));
    AgentsReader.Agents agents =
        new AgentsReader(problems).read(in.mapping("agents"), defaults.sandbox());
    List<TaskDraft> drafts = tasks(in, taskReader, defaults, problems);
    new TaskRules(problems, agentRequired).check(drafts, defaults, agents);
    Integer maxParallel = in.integer("maxParallel", 1);
    Boolean failFast = in.bool("failFast");
    SettingsReader settings = new SettingsReader(problems);
    MergeSettings merge = settings.merge(in.mapping("merge"), agents);
    TestSettings test = settings.test(in.mapping("test"));
    PublishSettings publish = settings.publish(in.mapping("publish"));
    CleanupSettings cleanup = settings.cleanup(in.mapping("cleanup"));
    GuardSettings guard = settings.guard(in.mapping("guard"));
    CacheSettings cache = new CacheReader(problems).read(in.mapping("cache"));
    EnvironmentSettings environment =
        new EnvironmentReader(problems).read(in.mapping("environment"));
    BudgetSettings budget = new BudgetReader(problems).read(in.mapping("budget"));
    if (!problems.isEmpty()) {
      return null;
    }
    return new Plan(
        fileName,
        VERSION,
        name,
        base == null ? null : base.value(),
        target,
        interfaces == null ? "" : interfaces.value(),
        agents.profiles(),
        drafts.stream().map(TaskDraft::toTask).toList(),
        maxParallel == null ? drafts.size() : maxParallel,
        Boolean.TRUE.equals(failFast),
        merge,
        test,
        publish,
        cleanup,
        guard,
        cache,
        environment,
        budget);
  }

  private static void version(MappingReader in, Problems problems) {
    if (!in.has("version")) {
      problems.add(Position.FILE, "the plan has no 'version'; start it with 'version: 1'");
      return;
    }
    Integer version = in.integer("version", Integer.MIN_VALUE);
    if (version != null && version != VERSION) {
      in.problem("version", "'version' is " + version + ", but only version 1 is known");
    }
  }

  private static String name(MappingReader in, Problems problems) {
    if (!in.has("name")) {
      problems.add(Position.FILE, "the plan has no 'name'");
      return null;
    }
    Located<String> name = in.text("name");
    if (name != null && !NAME.matcher(name.value()).matches()) {
      in.problem(
          "name",
          "'name' is '"
              + name.value()
              + "', which is not a valid name: use lowercase letters, digits, '.', '-' and '_',"
              + " starting with a letter or digit");
      return null;
    }
    return name == null ? null : name.value();
  }

  /** The target as written, or {@code agents/<name>}; either must be a valid branch name. */
  private static String target(MappingReader in, String name) {
    if (in.has("target")) {
      Located<String> target = in.nonBlankText("target");
      if (target == null) {
        return null;
      }
      Optional<String> problem = BranchName.problem(target.value());
      problem.ifPresent(
          why ->
              in.problem(
                  "target",
                  "'target' is '"
                      + target.value()
                      + "', which is not a valid branch name: "
                      + why));
      return problem.isPresent() ? null : target.value();
    }
    if (name == null) {
      return null;
    }
    String target = "agents/" + name;
    Optional<String> problem = BranchName.problem(target);
    problem.ifPresent(
        why ->
            in.problem(
                "name",
                "'name' makes the default target '"
                    + target
                    + "', which is not a valid branch name: "
                    + why
                    + "; choose another name or set 'target'"));
    return problem.isPresent() ? null : target;
  }

  private static List<TaskDraft> tasks(
      MappingReader in, TaskReader reader, TaskDefaults defaults, Problems problems) {
    if (!in.has("tasks")) {
      problems.add(Position.FILE, "the plan has no 'tasks'");
      return List.of();
    }
    Node.Sequence list = in.sequence("tasks");
    if (list == null) {
      return List.of();
    }
    if (list.items().isEmpty()) {
      in.problem("tasks", "'tasks' is empty; a plan needs at least one task");
      return List.of();
    }
    return reader.tasks(list, defaults);
  }
}
