package io.jenkins.plugins.parallelagents.plan;

import java.util.List;

/**
 * The plan file as a tree that remembers where every key and value was written. Jackson's own tree
 * forgets locations, and every problem must name its line and column, so the parser builds this
 * from the token stream instead.
 */
sealed interface Node {

  Position position();

  /** A YAML mapping or JSON object; entries in file order, repeated keys kept. */
  record Mapping(Position position, List<Entry> entries) implements Node {
    public Mapping {
      entries = List.copyOf(entries);
    }
  }

  /** One key of a mapping, located at the key, with its value located at the value. */
  record Entry(String key, Position keyPosition, Node value) {}

  /** A YAML sequence or JSON array. */
  record Sequence(Position position, List<Node> items) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** A single value, kept as the text that was written. */
  record Scalar(Position position, Kind kind, String text) implements Node {}

  /** What a scalar was written as. */
  enum Kind {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }
}
