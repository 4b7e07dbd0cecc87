package io.jenkins.plugins.parallelagents.jenkins.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.parallelagents.distributed.TaskEnd;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's values as JSON text, the form in which they cross to and from nodes and are kept
 * in a step's saved state. Remoting and Pipeline's persistence only take classes that Jenkins
 * vouches for, and the engine's records are neither Java-serializable nor in a plugin's own jar.
 */
final class Wire {

  private Wire() {}

  static String write(Object value) {
    try {
      return ReportJson.newMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return ReportJson.newMapper().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a " + type.getSimpleName(), e);
    }
  }

  /** The host's record of how tasks ended, by task id. */
  static Map<String, TaskEnd> readEnds(String json) {
    try {
      return ReportJson.newMapper().readValue(json, new TypeReference<LinkedHashMap<String, TaskEnd>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read how the tasks ended", e);
    }
  }
}
