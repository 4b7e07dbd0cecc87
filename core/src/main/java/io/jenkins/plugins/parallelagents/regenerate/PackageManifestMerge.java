package io.jenkins.plugins.parallelagents.regenerate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges three versions of a {@code package.json} as data, never as text: the dependency maps key
 * by key, every other top-level key whole. A change on one side is taken; the same key changed
 * differently on both sides is a clash, which no merge of text could settle either.
 */
final class PackageManifestMerge {

  /** The maps merged package by package. */
  static final List<String> DEPENDENCY_MAPS =
      List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies");

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          // A key written twice means two authors disagree about it; never pick one silently.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String path;
  private final String task;

  /**
   * @param path the manifest's path, which every message starts with
   * @param task the task whose branch is being merged, as messages name "their" side
   */
  PackageManifestMerge(String path, String task) {
    this.path = path;
    this.task = task;
  }

  /**
   * The merged manifest, or why there is none.
   *
   * @param text the merged file as npm would write it, or {@code null}
   * @param failure one line naming the clash or the unreadable side, or {@code null}
   */
  record Merged(String text, String failure) {}

  /**
   * @param base the common ancestor's version, or {@code null} when both sides added the file
   */
  Merged merge(String base, String ours, String theirs) {
    ObjectNode b;
    ObjectNode o;
    ObjectNode t;
    try {
      b = base == null ? JsonNodeFactory.instance.objectNode() : read(base, "the common base");
      o = read(ours, "the combination");
      t = read(theirs, "'" + task + "'");
    } catch (Unreadable e) {
      return new Merged(null, e.getMessage());
    }
    try {
      ObjectNode merged = threeWay(b, o, t, true);
      return new Merged(
          JSON.writer(new NpmJson()).writeValueAsString(NpmJson.asJavaScriptNumbers(merged)) + "\n",
          null);
    } catch (Clash e) {
      return new Merged(null, path + ": " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that was just read could not be written", e);
    }
  }

  private ObjectNode read(String text, String side) throws Unreadable {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new Unreadable(
          path
              + " is not valid JSON in "
              + side
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + where);
    }
    if (node == null || !node.isObject()) {
      throw new Unreadable(path + " in " + side + " is not a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * Keys in the order ours has them, then the keys new on their side, as a merge of the text would
   * place them.
   */
  private ObjectNode threeWay(ObjectNode base, ObjectNode ours, ObjectNode theirs, boolean top)
      throws Clash {
    Set<String> keys = new LinkedHashSet<>();
    ours.fieldNames().forEachRemaining(keys::add);
    theirs.fieldNames().forEachRemaining(keys::add);
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    for (String key : keys) {
      JsonNode b = base.get(key);
      JsonNode o = ours.get(key);
      JsonNode t = theirs.get(key);
      JsonNode chosen;
      if (Objects.equals(o, t) || Objects.equals(b, t)) {
        chosen = o;
      } else if (Objects.equals(b, o)) {
        chosen = t;
      } else if (top && DEPENDENCY_MAPS.contains(key) && objectOrAbsent(b, o, t)) {
        chosen = threeWay(object(b), object(o), object(t), false);
      } else if (top) {
        throw new Clash(
            "'" + key + "' was changed both in the combination and in '" + task + "', differently");
      } else {
        throw new Clash(
            "'"
                + key
                + "' is "
                + version(o)
                + " in the combination and "
                + version(t)
                + " in '"
                + task
                + "'");
      }
      if (chosen != null) {
        merged.set(key, chosen);
      }
    }
    return merged;
  }

  private static boolean objectOrAbsent(JsonNode... nodes) {
    for (JsonNode node : nodes) {
      if (node != null && !node.isObject()) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode object(JsonNode node) {
    return node == null ? JsonNodeFactory.instance.objectNode() : (ObjectNode) node;
  }

  private static String version(JsonNode node) {
    if (node == null) {
      return "removed";
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  /** A side that is not a JSON object. */
  private static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  /** The same key changed differently on both sides. */
  private static final class Clash extends Exception {
    Clash(String message) {
      super(message, null, false, false);
    }
  }
}
