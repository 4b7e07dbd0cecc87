package io.jenkins.plugins.parallelagents.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What a job of a distributed run is given: the run's start and the hand-offs before it. */
final class HandoffOptions {

  @Option(
      names = "--start",
      required = true,
      paramLabel = "DIR",
      description = "The folder holding start.json, as `outline --out` wrote it.")
  Path start;

  @Option(
      names = "--handoff",
      paramLabel = "DIR",
      description =
          "A folder of hand-offs (task folders as `task --out` writes them), or of folders of"
              + " them as a CI's artifact download leaves them. Repeatable; a task's hand-off"
              + " may be given only once.")
  List<Path> handoffs = new ArrayList<>();

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Any folder inside this job's clone of the repository. Default: the current"
              + " directory.")
  Path repository;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "Where task repositories and the dependency cache go, outside the clone."
              + " Default: a folder per repository in your cache directory.")
  Path stateDir;

  List<Path> handoffFolders(Host host) {
    return handoffs.stream().map(path -> DistributedNode.resolve(host, path)).toList();
  }
}
