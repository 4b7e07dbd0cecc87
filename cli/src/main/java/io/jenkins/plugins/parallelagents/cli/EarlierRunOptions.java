package io.jenkins.plugins.parallelagents.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that go on from an earlier run: resume, retry, merge. */
final class EarlierRunOptions {

  @Mixin RunStateOptions state;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Agents running at once. Default: the plan's maxParallel.")
  Integer jobs;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description =
          "The plan file to go on with. Default: the file the run was started with; tasks whose"
              + " definition changed since run again.")
  Path planFile;

  @Mixin PublishOptions publishing;
}
