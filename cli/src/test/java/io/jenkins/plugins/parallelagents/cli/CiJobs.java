package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A CI as the example workflows use it: every job in a fresh clone of the origin, checked out at a
 * detached commit; what a job keeps is a folder (an artifact) the test copies into the next job's
 * download folder, as upload-artifact and download-artifact do.
 */
final class CiJobs {

  private final Host host;
  private final Path root;
  private final Path origin;

  CiJobs(Host host, Path root, Path origin) {
    this.host = host;
    this.root = root;
    this.origin = origin;
  }

  /** A fresh clone for a job. */
  Path clone(String job) throws Exception {
    Path clone = root.resolve("jobs").resolve(job);
    for (int n = 2; Files.exists(clone); n++) {
      clone = root.resolve("jobs").resolve(job + "-" + n); // a job run again
    }
    TestRepositories.git(host, root, "clone", "-q", origin.toString(), clone.toString());
    TestRepositories.git(host, clone, "checkout", "-q", "--detach");
    return clone;
  }

  /** Runs {@code parallel-agents} in a job's clone. */
  Cli.Result run(Path clone, String... args) {
    Host inClone = new Host(host.environment(), host.home(), clone);
    return Cli.run(inClone, args);
  }

  /** The outline job: returns its printed JSON; its start folder is the artifact "start". */
  JsonNode outline(String runId) throws Exception {
    Path clone = clone("outline");
    Cli.Result result =
        run(
            clone,
            "outline",
            "agents-plan.yaml",
            "--run-id",
            runId,
            "--out",
            artifact("start").toString(),
            "--format",
            "json");
    assertThat(result.exitCode()).as(result.err()).isZero();
    return new ObjectMapper().readTree(result.out());
  }

  /** Where a job's artifact is kept between jobs. */
  Path artifact(String name) {
    return root.resolve("artifacts").resolve(name);
  }

  /**
   * A job's download folder holding the named artifacts, each in a folder of its name, as
   * download-artifact leaves them.
   */
  Path download(String job, List<String> artifacts) {
    Path folder = root.resolve("downloads").resolve(job);
    for (String name : artifacts) {
      copy(artifact(name), folder.resolve(name));
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  /** The task job of {@code task}, given the named artifacts; keeps "handoff-TASK". */
  Cli.Result task(String task, List<String> given) throws Exception {
    Path clone = clone("task-" + task);
    Path handoffs = download("task-" + task, given);
    return run(
        clone,
        "task",
        task,
        "--start",
        artifact("start").toString(),
        "--handoff",
        handoffs.toString(),
        "--out",
        artifact("handoff-" + task).toString(),
        "--state-dir",
        root.resolve("state-" + task).toString());
  }

  static List<String> handoffs(String... tasks) {
    List<String> names = new ArrayList<>();
    for (String task : tasks) {
      names.add("handoff-" + task);
    }
    return names;
  }

  static void copy(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(copy);
        } else {
          // A link stays a link: what a forger leaves in an artifact reaches the job as it is.
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
