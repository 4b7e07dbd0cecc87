package io.jenkins.plugins.parallelagents.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads plan text into a located {@link Node} tree with Jackson's streaming parser. Text that is
 * not well-formed YAML or JSON becomes a single problem at the place the parser gave up.
 */
final class NodeReader {

  /** Thrown for text the parser cannot read; carries the one problem to report. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Position position;

    MalformedException(Position position, String message) {
      super(message);
      this.position = position;
    }

    Position position() {
      return position;
    }
  }

  /**
   * How deep values may nest. A real plan nests four levels (a task's command list in the task in
   * the list of tasks); the bound keeps a hostile file from exhausting the reader's stack.
   */
  static final int MAX_DEPTH = 16;

  /**
   * The parsers' own bounds, a step above this reader's: the reader's check comes first and locates
   * the problem, theirs only stands behind it.
   */
  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH + 2)
          .maxStringLength(PlanParser.MAX_BYTES)
          .maxNumberLength(PlanParser.MAX_BYTES)
          .build();

  // Factories are thread-safe once configured, and these are never reconfigured.
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  // The builder, unlike the factory's constructor, starts without the parser's default features:
  // without this one, a key written without a value would read as empty text instead of nothing.
  private static final JsonFactory YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(CONSTRAINTS)
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();

  private final boolean json;

  /** {@code json} reads JSON, otherwise YAML. */
  NodeReader(boolean json) {
    this.json = json;
  }

  /** The single document in {@code content}, or empty when the text holds no value at all. */
  Optional<Node> read(String content) throws MalformedException {
    JsonFactory factory = json ? JSON : YAML;
    try (JsonParser parser = factory.createParser(content)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      Node root = value(parser, 1);
      if (parser.nextToken() != null) {
        throw new MalformedException(
            position(parser.currentTokenLocation()),
            "the file holds more than one document; a plan is a single document");
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      // Reading from a String cannot fail on I/O; anything else was handled above.
      throw new UncheckedIOException(e);
    }
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(PlanParser.MAX_BYTES);
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    return options;
  }

  private Node value(JsonParser parser, int depth) throws IOException, MalformedException {
    Position at = position(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new MalformedException(at, "the file ends in the middle of a value");
    }
    if (depth > MAX_DEPTH) {
      throw new MalformedException(
          at, "values nest more than " + MAX_DEPTH + " levels deep here; a plan needs far fewer");
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson hands an alias over as the anchor's name, which would silently be the wrong value.
      throw new MalformedException(
          at, "aliases such as '*" + parser.getText() + "' are not supported; write the value out");
    }
    return switch (token) {
      case START_OBJECT -> mapping(parser, at, depth);
      case START_ARRAY -> sequence(parser, at, depth);
      case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> new Node.Scalar(at, Node.Kind.TEXT, text(parser));
      case VALUE_NUMBER_INT -> new Node.Scalar(at, Node.Kind.INTEGER, parser.getText());
      case VALUE_NUMBER_FLOAT -> new Node.Scalar(at, Node.Kind.DECIMAL, parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> bool(at, parser.getText());
      case VALUE_NULL -> new Node.Scalar(at, Node.Kind.NULL, "");
      default -> throw new MalformedException(at, "unexpected " + token.asString());
    };
  }

  private Node mapping(JsonParser parser, Position at, int depth)
      throws IOException, MalformedException {
    List<Node.Entry> entries = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyAt = position(parser.currentTokenLocation());
      parser.nextToken();
      entries.add(new Node.Entry(key, keyAt, value(parser, depth + 1)));
    }
    return new Node.Mapping(at, entries);
  }

  private Node sequence(JsonParser parser, Position at, int depth)
      throws IOException, MalformedException {
    List<Node> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      items.add(value(parser, depth + 1));
    }
    return new Node.Sequence(at, items);
  }

  private static String text(JsonParser parser) throws IOException {
    String text = parser.getText();
    return text == null ? "" : text;
  }

  /**
   * Jackson follows YAML 1.1, where {@code yes}, {@code no}, {@code on} and {@code off} are
   * booleans. Editors checking the schema follow YAML 1.2 (only {@code true} and {@code false}), so
   * the other spellings are kept as text: the parser and the schema then agree.
   */
  private static Node bool(Position at, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean strict = lower.equals("true") || lower.equals("false");
    return new Node.Scalar(at, strict ? Node.Kind.BOOLEAN : Node.Kind.TEXT, text);
  }

  private static Position position(JsonLocation location) {
    return new Position(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
  }

  /** A short sentence at the parser's own location, without the parser's internals. */
  private MalformedException malformed(JsonProcessingException e) {
    String what = json ? "JSON" : "YAML";
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
      Position at =
          new Position(
              marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
      return new MalformedException(
          at, "the file is not valid " + what + ": " + marked.getProblem() + context);
    }
    Position at = e.getLocation() == null ? Position.FILE : position(e.getLocation());
    return new MalformedException(
        at, "the file is not valid " + what + ": " + firstSentence(e.getOriginalMessage()));
  }

  /** The parser's message up to any source excerpt or location it appends. */
  private static String firstSentence(String message) {
    if (message == null || message.isBlank()) {
      return "cannot read it";
    }
    String line = message.lines().findFirst().orElse("").strip();
    int source = line.indexOf("[Source");
    if (source >= 0) {
      int open = line.lastIndexOf(" (", source);
      line = line.substring(0, open >= 0 ? open : source).strip();
    }
    return line;
  }
}
