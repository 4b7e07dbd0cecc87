package io.jenkins.plugins.parallelagents.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A git repository of a chosen number of text files (about 4 KB each, 100 to a folder) on one
 * commit, and the means to bring it back to that state between measured runs.
 */
final class SyntheticRepository {

  static final int BYTES_PER_FILE = 4_000;
  private static final int FILES_PER_FOLDER = 100;

  private final Path dir;
  private final Processes processes;

  private SyntheticRepository(Path dir, Processes processes) {
    this.dir = dir;
    this.processes = processes;
  }

  Path dir() {
    return dir;
  }

  /** Where file number {@code i} lives; the agent script computes the same path. */
  static String file(int i) {
    return "src/d" + (i / FILES_PER_FOLDER) + "/f" + i + ".txt";
  }

  static SyntheticRepository create(Path dir, int files, Processes processes) throws IOException {
    Random random = new Random(files);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < files; i++) {
      Path file = dir.resolve(file(i));
      Files.createDirectories(file.getParent());
      StringBuilder text = new StringBuilder(BYTES_PER_FILE + 80);
      while (text.length() < BYTES_PER_FILE) {
        line.setLength(0);
        for (int w = 0; w < 8; w++) {
          line.append(Long.toString(random.nextLong() >>> 28, 36)).append(' ');
        }
        text.append(line).append('\n');
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    SyntheticRepository repository = new SyntheticRepository(dir, processes);
    repository.git("init", "--quiet", "--initial-branch=main");
    repository.git("config", "user.name", "Bench");
    repository.git("config", "user.email", "bench@localhost");
    repository.git("add", "-A");
    repository.git("commit", "--quiet", "-m", "Synthetic repository of " + files + " files");
    return repository;
  }

  /**
   * Deletes every branch and worktree the measured runs left, so that each run starts from the same
   * repository. Only the refs are removed: objects stay, as in a user's repository.
   */
  void reset() throws IOException {
    processes.output(dir, List.of("git", "worktree", "prune"));
    String refs =
        processes.output(
            dir,
            List.of(
                "git",
                "for-each-ref",
                "--format=delete %(refname)",
                "refs/heads/agents",
                "refs/heads/baseline",
                "refs/heads/bench"));
    if (!refs.isBlank()) {
      processes.input(dir, List.of("git", "update-ref", "--stdin"), refs);
    }
  }

  private void git(String... args) throws IOException {
    List<String> argv = new java.util.ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    processes.output(dir, argv);
  }
}
