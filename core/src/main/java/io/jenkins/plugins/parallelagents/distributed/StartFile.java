package io.jenkins.plugins.parallelagents.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.lifecycle.RunIds;
import io.jenkins.plugins.parallelagents.plan.BranchName;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A distributed run's start as a file, {@code start.json}, for hosts without a controller to keep
 * it (a CI's jobs pass it on as an artifact): the plan as it was read, so that every job runs the
 * same plan whatever its checkout holds, and the {@link RunStart} every node agrees on.
 *
 * @param planFile the plan's path as given, for the report
 * @param planText the plan's text
 */
public record StartFile(String planFile, String planText, RunStart start) {

  public static final String NAME = "start.json";

  /** Far larger than any plan; a bigger file is not a start file. */
  private static final long MAX_BYTES = 4L * 1024 * 1024;

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  /** Writes {@code start.json} in {@code folder}, creating it. */
  public Path write(Path folder) {
    Path file = folder.resolve(NAME);
    try {
      Files.createDirectories(folder);
      Files.writeString(file, mapper().writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Reads {@code start.json} from {@code folder}.
   *
   * @throws HandoffException when it is missing or not a start this engine could have written: a
   *     run id, base commit or target that could not name branches
   */
  public static StartFile read(Path folder) {
    Path file = folder.resolve(NAME);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new HandoffException(
          "no " + NAME + " in " + folder + ": give the folder the outline command wrote");
    }
    StartFile start;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new HandoffException(file + " is not a run's start: it is too large");
      }
      start = mapper().readValue(file.toFile(), StartFile.class);
    } catch (IOException | RuntimeException e) {
      if (e instanceof HandoffException handoff) {
        throw handoff;
      }
      throw new HandoffException(file + " is not a run's start: " + firstLine(e.getMessage()));
    }
    String problem = problem(start);
    if (problem != null) {
      throw new HandoffException(file + " is not a run's start: " + problem);
    }
    return start;
  }

  private static String problem(StartFile file) {
    RunStart start = file == null ? null : file.start();
    if (start == null || file.planText() == null || file.planFile() == null) {
      return "it lacks the plan or the run";
    }
    if (start.runId() == null || !RunIds.isValid(start.runId())) {
      return "its run id cannot name branches";
    }
    if (start.baseCommit() == null || !COMMIT.matcher(start.baseCommit()).matches()) {
      return "its base is not a commit id";
    }
    if (start.target() == null || BranchName.problem(start.target()).isPresent()) {
      return "its target is not a branch name";
    }
    return null;
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }

  private static ObjectMapper mapper() {
    return ReportJson.newMapper();
  }
}
