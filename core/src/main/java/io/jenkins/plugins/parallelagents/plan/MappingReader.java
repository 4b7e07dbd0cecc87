package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to one mapping of the plan file. Every wrong key or wrong type is reported as it is
 * met, and the accessor then returns {@code null}, so that one pass finds every problem; {@code
 * null} also stands for an absent key (see {@link #has}).
 */
final class MappingReader {

  private final Node.Mapping mapping;
  private final String prefix;
  private final Problems problems;
  private final Map<String, Node.Entry> entries = new LinkedHashMap<>();

  /**
   * @param context how messages name this mapping ({@code task 'api'}), empty for the top level
   * @param known the keys it may hold
   * @param refusals keys that are known elsewhere but refused here, with the sentence saying why
   */
  MappingReader(
      Node.Mapping mapping,
      String context,
      List<String> known,
      Map<String, String> refusals,
      Problems problems) {
    this.mapping = mapping;
    this.prefix = context.isEmpty() ? "" : context + ": ";
    this.problems = problems;
    for (Node.Entry entry : mapping.entries()) {
      Node.Entry first = entries.get(entry.key());
      if (first != null) {
        problems.add(
            entry.keyPosition(),
            prefix
                + "key '"
                + entry.key()
                + "' appears twice (first on line "
                + first.keyPosition().line()
                + ")");
      } else if (refusals.containsKey(entry.key())) {
        problems.add(entry.keyPosition(), prefix + refusals.get(entry.key()));
      } else if (!known.contains(entry.key())) {
        problems.add(entry.keyPosition(), prefix + unknownKey(entry.key(), known));
      } else {
        entries.put(entry.key(), entry);
      }
    }
  }

  MappingReader(Node.Mapping mapping, String context, List<String> known, Problems problems) {
    this(mapping, context, known, Map.of(), problems);
  }

  private static String unknownKey(String key, List<String> known) {
    String hint = Suggestions.hint(key, known);
    if (!hint.isEmpty()) {
      return "unknown key '" + key + "'" + hint;
    }
    return "unknown key '" + key + "'; the keys here are " + String.join(", ", known);
  }

  /** Where the mapping itself starts. */
  Position position() {
    return mapping.position();
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Where the value of {@code key} starts; the key must be present. */
  Position valuePosition(String key) {
    return entries.get(key).value().position();
  }

  /** Reports {@code message} about the value of {@code key}, prefixed with this mapping's name. */
  void problem(String key, String message) {
    problems.add(valuePosition(key), prefix + message);
  }

  Located<String> text(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    String text = text(node, "'" + key + "'");
    return text == null ? null : new Located<>(text, node.position());
  }

  /** Text that must hold more than blanks. */
  Located<String> nonBlankText(String key) {
    Located<String> text = text(key);
    if (text != null && text.value().isBlank()) {
      problem(key, "'" + key + "' is empty");
      return null;
    }
    return text;
  }

  Integer integer(String key, int min) {
    return integer(key, min, Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}. */
  Integer integer(String key, int min, int max) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof Node.Scalar s) || s.kind() != Node.Kind.INTEGER) {
      problem(key, "'" + key + "' must be a whole number, not " + describe(node));
      return null;
    }
    int number;
    try {
      number = Integer.parseInt(s.text());
    } catch (NumberFormatException e) {
      problem(key, "'" + key + "' is " + s.text() + ", which is too large");
      return null;
    }
    if (number < min) {
      problem(key, "'" + key + "' must be at least " + min + ", not " + number);
      return null;
    }
    if (number > max) {
      problem(key, "'" + key + "' must be at most " + max + ", not " + number);
      return null;
    }
    return number;
  }

  Boolean bool(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof Node.Scalar s) || s.kind() != Node.Kind.BOOLEAN) {
      problem(key, "'" + key + "' must be true or false, not " + describe(node));
      return null;
    }
    return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
  }

  Duration duration(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof Node.Scalar s)) {
      problem(key, "'" + key + "' must be a duration such as " + PlanDuration.FORMS);
      return null;
    }
    Optional<Duration> duration = PlanDuration.parse(s.text());
    if (duration.isEmpty()) {
      problem(
          key,
          "'"
              + key
              + "' is "
              + describe(node)
              + ", which is not a duration: write "
              + PlanDuration.FORMS);
      return null;
    }
    return duration.get();
  }

  /** A size in bytes: a whole number, or text such as {@code 1MB} (see {@link PlanSize}). */
  Long size(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    Optional<Long> size =
        node instanceof Node.Scalar s
                && (s.kind() == Node.Kind.TEXT || s.kind() == Node.Kind.INTEGER)
            ? PlanSize.parse(s.text())
            : Optional.empty();
    if (size.isEmpty() || size.get() < 1) {
      problem(key, "'" + key + "' is " + describe(node) + ", which is not " + PlanSize.FORMS);
      return null;
    }
    return size.get();
  }

  /** A shell line, or a non-empty list of arguments executed without a shell. */
  CommandSpec command(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    String name = "'" + key + "'";
    if (node instanceof Node.Scalar s && s.kind() == Node.Kind.TEXT) {
      if (s.text().isBlank()) {
        problem(key, name + " is empty; give a shell line or a list of arguments");
        return null;
      }
      return CommandSpec.shell(s.text());
    }
    if (node instanceof Node.Sequence list) {
      if (list.items().isEmpty()) {
        problem(key, name + " is an empty list; give at least the program to run");
        return null;
      }
      List<Located<String>> argv = textItems(list, name);
      if (argv != null && argv.get(0).value().isBlank()) {
        problems.add(
            argv.get(0).position(),
            prefix + name + " starts with an empty program; the first item is the program to run");
        return null;
      }
      return argv == null ? null : CommandSpec.argv(argv.stream().map(Located::value).toList());
    }
    problem(key, name + " must be a shell line or a list of arguments, not " + describe(node));
    return null;
  }

  /** A list of text items, each with its own position. */
  List<Located<String>> textList(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Sequence list) {
      return textItems(list, "'" + key + "'");
    }
    String example =
        node instanceof Node.Scalar s && s.kind() == Node.Kind.TEXT
            ? "; write [" + s.text() + "]"
            : "";
    problem(key, "'" + key + "' must be a list, not " + describe(node) + example);
    return null;
  }

  Node.Mapping mapping(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Mapping map) {
      return map;
    }
    problem(key, "'" + key + "' must be a mapping of keys to values, not " + describe(node));
    return null;
  }

  Node.Sequence sequence(String key) {
    Node node = value(key);
    if (node == null) {
      return null;
    }
    if (node instanceof Node.Sequence list) {
      return list;
    }
    problem(key, "'" + key + "' must be a list, not " + describe(node));
    return null;
  }

  /** The value of a present key, or {@code null} when absent or written without a value. */
  private Node value(String key) {
    Node.Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (entry.value() instanceof Node.Scalar s && s.kind() == Node.Kind.NULL) {
      problems.add(entry.keyPosition(), prefix + "'" + key + "' has no value");
      return null;
    }
    return entry.value();
  }

  private List<Located<String>> textItems(Node.Sequence list, String name) {
    List<Located<String>> items = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String text = text(item, name + " item " + (i + 1));
      if (text == null) {
        valid = false;
      } else {
        items.add(new Located<>(text, item.position()));
      }
    }
    return valid ? items : null;
  }

  /**
   * Only text is text: a number or {@code true} where text is expected is almost always a missing
   * pair of quotes, and the schema that editors check says so too.
   */
  private String text(Node node, String name) {
    if (node instanceof Node.Scalar s) {
      switch (s.kind()) {
        case TEXT:
          return s.text();
        case NULL:
          problems.add(node.position(), prefix + name + " has no value");
          return null;
        default:
          problems.add(
              node.position(), prefix + name + " must be text: put " + s.text() + " in quotes");
          return null;
      }
    }
    problems.add(node.position(), prefix + name + " must be text, not " + describe(node));
    return null;
  }

  /** How a message names a value that was found where something else was expected. */
  static String describe(Node node) {
    if (node instanceof Node.Mapping) {
      return "a mapping";
    }
    if (node instanceof Node.Sequence) {
      return "a list";
    }
    Node.Scalar s = (Node.Scalar) node;
    return switch (s.kind()) {
      case TEXT ->
          "'" + (s.text().length() > 80 ? s.text().substring(0, 80) + "…" : s.text()) + "'";
      case NULL -> "nothing";
      default -> s.text();
    };
  }
}
