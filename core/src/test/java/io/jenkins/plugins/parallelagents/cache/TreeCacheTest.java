package io.jenkins.plugins.parallelagents.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.plan.CacheSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCacheTest {

  @TempDir Path temp;

  private final CacheSettings npm =
      new CacheSettings(List.of("package-lock.json"), List.of("node_modules"));

  private Path tree(String name, String lock) throws IOException {
    Path tree = Files.createDirectories(temp.resolve(name));
    Files.writeString(tree.resolve("package-lock.json"), lock);
    return tree;
  }

  private TreeCache cache() {
    return new TreeCache(npm, temp.resolve("cache"));
  }

  @Test
  void aSavedEntry_isCopiedIntoATreeWithTheSameKeyFiles_andOnlyThere() throws Exception {
    Path first = tree("first", "v1");
    Files.createDirectories(first.resolve("node_modules/left-pad"));
    Files.writeString(first.resolve("node_modules/left-pad/index.js"), "pad");

    assertThat(cache().save(first)).isTrue();
    Path same = tree("same", "v1");
    Path other = tree("other", "v2");

    assertThat(cache().restore(same)).isTrue();
    assertThat(same.resolve("node_modules/left-pad/index.js")).hasContent("pad");
    assertThat(cache().restore(other)).isFalse();
    assertThat(other.resolve("node_modules")).doesNotExist();
  }

  @Test
  void editingARestoredTree_leavesTheEntryAsSaved() throws Exception {
    Path first = tree("first", "v1");
    Files.createDirectories(first.resolve("node_modules"));
    Files.writeString(first.resolve("node_modules/lib.js"), "good");
    cache().save(first);
    Path agent = tree("agent", "v1");
    cache().restore(agent);

    Files.writeString(agent.resolve("node_modules/lib.js"), "poisoned");

    Path next = tree("next", "v1");
    cache().restore(next);
    assertThat(next.resolve("node_modules/lib.js")).hasContent("good");
  }

  @Test
  void aLinkPointingOutOfTheTree_isCopiedAsALink_andItsTargetNeverReadNorWritten()
      throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Path first = tree("first", "v1");
    Files.createDirectories(first.resolve("node_modules"));
    Files.createSymbolicLink(first.resolve("node_modules/escape"), outside);

    cache().save(first);
    Path next = tree("next", "v1");
    cache().restore(next);

    Path restored = next.resolve("node_modules/escape");
    assertThat(Files.isSymbolicLink(restored)).isTrue();
    assertThat(Files.readSymbolicLink(restored)).isEqualTo(outside);
    try (Stream<Path> saved = Files.walk(temp.resolve("cache"))) {
      assertThat(saved.map(p -> p.getFileName().toString())).doesNotContain("secret.txt");
    }
    assertThat(outside.resolve("secret.txt")).hasContent("secret");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aFolderOnTheWayThatIsALink_isNeitherRestoredThroughNorSaved() throws Exception {
    CacheSettings web =
        new CacheSettings(List.of("package-lock.json"), List.of("web/node_modules"));
    Path first = tree("first", "v1");
    Files.createDirectories(first.resolve("web/node_modules"));
    Files.writeString(first.resolve("web/node_modules/lib.js"), "lib");
    assertThat(new TreeCache(web, temp.resolve("cache")).save(first)).isTrue();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path next = tree("next", "v1");
    Files.createSymbolicLink(next.resolve("web"), outside);

    new TreeCache(web, temp.resolve("cache")).restore(next);

    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).as("nothing written through the link").isEmpty();
    }
  }

  @Test
  void aPathLeadingOutOfTheTree_isRefusedBeforeAnyCopy() {
    assertThatThrownBy(() -> new CacheSettings(List.of("package-lock.json"), List.of("../outside")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cache paths '../outside' leads out of the repository ('..')");
  }

  @Test
  void twoTreesSavingTheSameKeyAtOnce_leaveOneWholeEntry() throws Exception {
    List<Path> trees = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Path tree = tree(name, "v1");
      Files.createDirectories(tree.resolve("node_modules"));
      for (int i = 0; i < 200; i++) {
        Files.writeString(tree.resolve("node_modules/f" + i + ".js"), name);
      }
      trees.add(tree);
    }
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Boolean>> saves = new ArrayList<>();
    for (Path tree : trees) {
      saves.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  together.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return cache().save(tree);
              }));
    }

    List<Boolean> saved = saves.stream().map(CompletableFuture::join).toList();
    assertThat(saved).containsExactlyInAnyOrder(true, false);
    Path next = tree("next", "v1");
    cache().restore(next);
    String winner = Files.readString(next.resolve("node_modules/f0.js"));
    try (Stream<Path> files = Files.list(next.resolve("node_modules"))) {
      assertThat(files).hasSize(200).allSatisfy(f -> assertThat(f).hasContent(winner));
    }
    try (Stream<Path> entries = Files.list(temp.resolve("cache"))) {
      assertThat(entries).as("no half-made entry left").hasSize(1);
    }
  }

  @Test
  void nothingIsRestoredOverWhatTheTreeHas() throws Exception {
    Path first = tree("first", "v1");
    Files.createDirectories(first.resolve("node_modules"));
    Files.writeString(first.resolve("node_modules/lib.js"), "cached");
    cache().save(first);
    Path next = tree("next", "v1");
    Files.createDirectories(next.resolve("node_modules"));
    Files.writeString(next.resolve("node_modules/own.js"), "own");

    cache().restore(next);

    assertThat(next.resolve("node_modules/lib.js")).doesNotExist();
    assertThat(Files.exists(next.resolve("node_modules/own.js"), LinkOption.NOFOLLOW_LINKS))
        .isTrue();
  }
}
