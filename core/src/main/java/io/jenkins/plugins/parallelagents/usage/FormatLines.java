package io.jenkins.plugins.parallelagents.usage;

import com.fasterxml.jackson.databind.JsonNode;

/** How one CLI's JSON lines are read. */
interface FormatLines {

  AgentFormat format();

  /** Whether {@code line} is one this CLI prints; decides the log's format on its first hit. */
  boolean recognises(JsonNode line);

  /** Takes what {@code line} says; lines of unknown types are ignored. */
  void read(JsonNode line, Tally tally, Conversation conversation);

  /** The text at {@code field}, or {@code null} when it is missing or not text. */
  static String text(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The value at {@code field} as text: strings as they are, anything else as compact JSON. */
  static String shown(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }
}
