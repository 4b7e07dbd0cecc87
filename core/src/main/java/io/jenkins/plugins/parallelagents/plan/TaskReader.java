package io.jenkins.plugins.parallelagents.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code defaults} section and each task, applying the defaults to the tasks. */
final class TaskReader {

  /** Task ids name branches and folders, hence the narrow alphabet; the schema has the same. */
  static final String ID_PATTERN = "^[a-z0-9][a-z0-9_-]*$";

  private static final Pattern ID = Pattern.compile(ID_PATTERN);

  /** Ids name branch parts and folders, which must stay well within file name limits. */
  static final int ID_MAX_LENGTH = 64;

  private final Problems problems;

  TaskReader(Problems problems) {
    this.problems = problems;
  }

  /** The built-in defaults with those of {@code mapping} over them; {@code null} is none. */
  TaskDefaults defaults(Node.Mapping mapping) {
    if (mapping == null) {
      return TaskDefaults.BUILT_IN;
    }
    Map<String, String> refusals = new LinkedHashMap<>();
    for (String key : PlanKeys.TASK) {
      if (!PlanKeys.DEFAULTS.contains(key)) {
        refusals.put(key, "'" + key + "' cannot have a default; set it on each task");
      }
    }
    MappingReader in =
        new MappingReader(mapping, "defaults", PlanKeys.DEFAULTS, refusals, problems);
    TaskDefaults builtIn = TaskDefaults.BUILT_IN;
    List<Located<String>> paths = globs(in.textList("paths"), "defaults");
    Located<String> label = in.text("label");
    return new TaskDefaults(
        in.text("agent"),
        orDefault(in, "timeout", in.duration("timeout"), builtIn.timeout()),
        orDefault(in, "attempts", attempts(in), builtIn.attempts()),
        in.command("setup"),
        in.command("verify"),
        paths == null ? builtIn.paths() : values(paths),
        label == null ? null : label.value(),
        Boolean.TRUE.equals(in.bool("sandbox")));
  }

  /** Every readable task of {@code list}, in file order. */
  List<TaskDraft> tasks(Node.Sequence list, TaskDefaults defaults) {
    List<TaskDraft> drafts = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      if (item instanceof Node.Mapping mapping) {
        drafts.add(task(mapping, i + 1, defaults));
      } else {
        problems.add(
            item.position(),
            "task #"
                + (i + 1)
                + " must be a mapping with at least 'id' and 'prompt', not "
                + MappingReader.describe(item));
      }
    }
    return drafts;
  }

  private TaskDraft task(Node.Mapping mapping, int number, TaskDefaults defaults) {
    Located<String> id = peekId(mapping);
    String context = id == null ? "task #" + number : "task '" + id.value() + "'";
    MappingReader in = new MappingReader(mapping, context, PlanKeys.TASK, problems);
    id = in.text("id");
    if (id == null) {
      if (!in.has("id")) {
        problems.add(mapping.position(), context + " has no 'id'");
      }
    } else if (!ID.matcher(id.value()).matches()) {
      problems.add(
          id.position(),
          "task id '"
              + id.value()
              + "' is not valid: use lowercase letters, digits, '-' and '_',"
              + " starting with a letter or digit");
    } else if (id.value().length() > ID_MAX_LENGTH) {
      problems.add(
          id.position(),
          "task id '"
              + id.value()
              + "' is "
              + id.value().length()
              + " characters long; ids name branches and folders, so at most "
              + ID_MAX_LENGTH);
    }
    Located<String> prompt = in.nonBlankText("prompt");
    if (!in.has("prompt")) {
      problems.add(mapping.position(), context + " has no 'prompt'");
    }
    Located<String> title = in.text("title");
    Boolean foundation = in.bool("foundation");
    List<Located<String>> needs = in.textList("needs");
    Located<String> ownAgent = in.text("agent");
    List<Located<String>> paths = globs(in.textList("paths"), context);
    Located<String> label = in.text("label");
    return new TaskDraft(
        mapping.position(),
        id,
        title == null ? null : title.value(),
        Boolean.TRUE.equals(foundation),
        needs == null ? List.of() : needs,
        prompt == null ? null : prompt.value(),
        paths == null ? (in.has("paths") ? List.of() : defaults.paths()) : values(paths),
        ownAgent,
        ownAgent != null ? ownAgent.value() : inherited(in, "agent", defaults.agent()),
        orDefault(in, "timeout", in.duration("timeout"), defaults.timeout()),
        orDefault(in, "attempts", attempts(in), defaults.attempts()),
        orDefault(in, "setup", in.command("setup"), defaults.setup()),
        orDefault(in, "verify", in.command("verify"), defaults.verify()),
        orDefault(in, "label", label == null ? null : label.value(), defaults.label()));
  }

  /**
   * The id as written, read before the task's keys are checked, so that even the messages about
   * those keys can name the task. Problems with the id itself are reported afterwards.
   */
  private static Located<String> peekId(Node.Mapping mapping) {
    for (Node.Entry entry : mapping.entries()) {
      if (entry.key().equals("id")
          && entry.value() instanceof Node.Scalar s
          && s.kind() == Node.Kind.TEXT) {
        return new Located<>(s.text(), s.position());
      }
    }
    return null;
  }

  private static Integer attempts(MappingReader in) {
    return in.integer("attempts", 1, Task.MAX_ATTEMPTS);
  }

  /** The globs, each compiled as the run compiles it; {@code null} when any cannot be. */
  private List<Located<String>> globs(List<Located<String>> globs, String context) {
    if (globs == null) {
      return null;
    }
    boolean valid = true;
    for (Located<String> glob : globs) {
      java.util.Optional<String> problem = PathGlobs.problem(glob.value());
      if (problem.isPresent()) {
        valid = false;
        problems.add(
            glob.position(),
            context
                + ": 'paths' holds '"
                + glob.value()
                + "', which is not a glob: "
                + problem.get());
      }
    }
    return valid ? globs : null;
  }

  private static String inherited(MappingReader in, String key, Located<String> fallback) {
    return in.has(key) || fallback == null ? null : fallback.value();
  }

  /** The task's own value; the default only when the task does not set the key at all. */
  private static <T> T orDefault(MappingReader in, String key, T own, T fallback) {
    return own != null || in.has(key) ? own : fallback;
  }

  private static List<String> values(List<Located<String>> located) {
    return located.stream().map(Located::value).toList();
  }
}
