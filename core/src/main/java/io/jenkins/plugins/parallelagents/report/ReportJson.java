package io.jenkins.plugins.parallelagents.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code report.json}: the {@link RunReport} records as JSON ({@value RunReport#SCHEMA}), instants
 * as ISO-8601 strings, enums by name, nulls written out so every report has the same shape.
 *
 * <p>Hosts (the CLI's {@code show}, the Jenkins run page) load a report back with {@link
 * #read(Path)}. Instances are immutable and safe to share between threads.
 */
public final class ReportJson {

  private final ObjectMapper mapper = newMapper();

  /**
   * A fresh mapper configured for report files, for hosts that embed reports in their own JSON.
   * Each call returns a new instance, so configuring it affects nobody else.
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        // Later versions of report@1 may add fields; an older reader should still load the file.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .build();
  }

  /** The report as pretty-printed JSON text, ending with a newline. */
  public String toJson(RunReport report) {
    try {
      return mapper.writeValueAsString(report) + "\n";
    } catch (IOException e) {
      // Records of strings, numbers and enums always serialise; this is a programming error.
      throw new UncheckedIOException(e);
    }
  }

  /** Parses report JSON text, as {@link #toJson} writes it. */
  public RunReport fromJson(String json) throws IOException {
    return mapper.readValue(json, RunReport.class);
  }

  /** Replaces {@code file} atomically with the report, so a concurrent reader never sees half. */
  public void write(RunReport report, Path file) throws IOException {
    AtomicFiles.write(file, toJson(report).getBytes(StandardCharsets.UTF_8));
  }

  /** Loads a {@code report.json}. */
  public RunReport read(Path file) throws IOException {
    return mapper.readValue(Files.readAllBytes(file), RunReport.class);
  }
}
