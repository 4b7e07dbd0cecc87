package io.jenkins.plugins.parallelagents.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run was asked to do, kept in its folder so that a later {@code resume} can tell which
 * tasks a changed plan file changed: the plan file's path and a digest of each task's definition
 * (the task as resolved, its agent profile and the plan's interfaces, which all shape its work).
 *
 * @param planFile the plan's file as the run read it, or {@code null} when the host gave none
 * @param tasks a digest per task id
 */
public record TaskDefinitions(String planFile, Map<String, String> tasks) {

  /** The file's name in the run folder. */
  public static final String FILE = "definitions.json";

  private static final ObjectMapper JSON = ReportJson.newMapper();

  public TaskDefinitions {
    tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
  }

  static TaskDefinitions of(Plan plan, Path planFile) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (Task task : plan.tasks()) {
      digests.put(task.id(), digest(plan, task));
    }
    return new TaskDefinitions(planFile == null ? null : planFile.toString(), digests);
  }

  /** Whether {@code task} is defined differently in {@code plan} than when this was recorded. */
  boolean changed(Plan plan, Task task) {
    return !digest(plan, task).equals(tasks.get(task.id()));
  }

  void write(Path runFolder) {
    Path file = runFolder.resolve(FILE);
    try {
      PrivateFiles.write(file, JSON.writeValueAsString(this) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The definitions a run recorded; empty for a run that recorded none. */
  public static Optional<TaskDefinitions> read(Path runFolder) {
    Path file = runFolder.resolve(FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), TaskDefinitions.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String digest(Plan plan, Task task) {
    Object agent = plan.agents().get(task.agent());
    try {
      byte[] definition =
          JSON.writeValueAsString(List.of(task, agent == null ? "" : agent, plan.interfaces()))
              .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(definition));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
