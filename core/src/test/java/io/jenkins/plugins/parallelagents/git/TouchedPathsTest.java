package io.jenkins.plugins.parallelagents.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TouchedPathsTest {

  private static TouchedPaths touched(String... paths) {
    return new TouchedPaths(Set.of(paths), false);
  }

  @Test
  void sidesThatShareNoFile_cannotConflict() {
    assertThat(touched("src/a.txt", "tasks/one.txt").mayConflictWith(touched("tasks/two.txt")))
        .isFalse();
  }

  @Test
  void sidesThatChangedTheSameFile_mayConflict() {
    assertThat(touched("src/a.txt").mayConflictWith(touched("docs/b.md", "src/a.txt"))).isTrue();
  }

  @Test
  void aFileWhereTheOtherSideHasAFolder_mayConflict() {
    assertThat(touched("build").mayConflictWith(touched("build/out.txt"))).isTrue();
    assertThat(touched("build/out/x.txt").mayConflictWith(touched("build/out"))).isTrue();
  }

  @Test
  void aSideThatDeletedAFile_mayConflict_sinceADeletionCanBeARename() {
    TouchedPaths renamed = new TouchedPaths(Set.of("old/a.txt", "new/a.txt"), true);
    assertThat(renamed.mayConflictWith(touched("old/b.txt"))).isTrue();
  }
}
