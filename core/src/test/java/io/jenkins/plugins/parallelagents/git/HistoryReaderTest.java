package io.jenkins.plugins.parallelagents.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.testing.GitSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {

  @TempDir Path temp;

  @Test
  void diffStat_countsLinesExactlyAsGitNumstatDoes() throws Exception {
    GitSandbox git = new GitSandbox(temp);
    Path repo =
        git.repository(
            "app",
            Map.of(
                "keep.txt", "1\n2\n3\n4\n5\n",
                "gone.txt", "a\nb\n",
                "moved.txt", "x\ny\nz\n"));
    String from = git.git(repo, "rev-parse", "HEAD");
    Files.writeString(repo.resolve("keep.txt"), "1\ntwo\n3\n5\n6\n7\n");
    Files.delete(repo.resolve("gone.txt"));
    Files.move(repo.resolve("moved.txt"), repo.resolve("renamed.txt"));
    Files.createDirectories(repo.resolve("src/deep"));
    Files.writeString(repo.resolve("src/deep/new.txt"), "new\n");
    Files.write(repo.resolve("image.bin"), new byte[] {0, 1, 2, 0, 3});
    git.git(repo, "add", "-A");
    git.git(repo, "commit", "-qm", "change");
    String to = git.git(repo, "rev-parse", "HEAD");

    List<FileChange> expected = new ArrayList<>();
    for (String line : git.git(repo, "diff", "--numstat", "--no-renames", from, to).split("\n")) {
      String[] parts = line.split("\t");
      expected.add(
          new FileChange(
              parts[2],
              parts[0].equals("-") ? 0 : Integer.parseInt(parts[0]),
              parts[1].equals("-") ? 0 : Integer.parseInt(parts[1])));
    }
    try (HistoryReader reader = HistoryReader.open(repo.resolve(".git"))) {
      assertThat(reader.diffStat(from, to)).containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(expected)
        .extracting(FileChange::path)
        .contains(
            "keep.txt", "gone.txt", "moved.txt", "renamed.txt", "src/deep/new.txt", "image.bin");
  }
}
