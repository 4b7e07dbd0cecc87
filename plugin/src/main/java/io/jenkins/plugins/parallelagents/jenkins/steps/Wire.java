package io.jenkins.plugins.parallelagents.jenkins.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;

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
}
