package io.jenkins.plugins.parallelagents.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * Applies a text redaction to every string of a report value. The value goes through its JSON form,
 * so that every field, present and future, is covered without naming any of them.
 */
public final class ReportRedaction {

  private final ObjectMapper mapper = ReportJson.newMapper();
  private final UnaryOperator<String> redaction;

  /**
   * @param redaction rewrites a text; it must turn JSON into JSON (a secret's JSON-escaped form is
   *     masked as a whole)
   */
  public ReportRedaction(UnaryOperator<String> redaction) {
    this.redaction = redaction;
  }

  /**
   * {@code value} with the redaction applied to its text; the same instance when nothing changed.
   */
  public <T> T apply(T value, Class<T> type) {
    if (value == null) {
      return null;
    }
    try {
      String json = mapper.writeValueAsString(value);
      String redacted = redaction.apply(json);
      return redacted.equals(json) ? value : mapper.readValue(redacted, type);
    } catch (IOException e) {
      // Report records always serialise and read back; this is a programming error.
      throw new UncheckedIOException(e);
    }
  }
}
