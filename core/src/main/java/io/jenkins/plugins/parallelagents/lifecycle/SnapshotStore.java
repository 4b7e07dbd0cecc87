package io.jenkins.plugins.parallelagents.lifecycle;

import io.jenkins.plugins.parallelagents.git.Git;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The snapshot refs of the user's repository ({@link SnapshotRefs}), one run at a time. */
final class SnapshotStore {

  private final Git git;
  private final Path top;

  SnapshotStore(Git git, Path userRepository) {
    this.git = git;
    this.top = userRepository;
  }

  /** A run's snapshot refs: the name after {@code <run>/} to the commit. */
  Map<String, String> list(String runId) {
    return refsUnder(git, top, SnapshotRefs.ofRun(runId));
  }

  /**
   * The refs under {@code folder} (a full ref name): the name after {@code folder/} to the commit.
   */
  static Map<String, String> refsUnder(Git git, Path top, String folder) {
    String prefix = folder + "/";
    String out = git.output(top, "for-each-ref", "--format=%(objectname) %(refname)", folder);
    Map<String, String> refs = new TreeMap<>();
    for (String line : out.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.startsWith(prefix, space + 1)) {
        refs.put(line.substring(space + 1 + prefix.length()), line.substring(0, space));
      }
    }
    return refs;
  }

  /** Deletes a run's snapshot refs, each only if it still holds what was listed. */
  void drop(String runId) {
    list(runId)
        .forEach(
            (name, commit) ->
                git.output(
                    top, "update-ref", "-d", SnapshotRefs.ofRun(runId) + "/" + name, commit));
  }
}
