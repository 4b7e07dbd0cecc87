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
    TreeCache.BeforeSetup before = cache().beforeSetup(first);
    Files.createDirectories(first.resolve("node_modules/left-pad"));
    Files.writeString(first.resolve("node_modules/left-pad/index.js"), "pad");

    assertThat(cache().save(first, before)).isTrue();
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
    TreeCache.BeforeSetup before = cache().beforeSetup(first);
    Files.createDirectories(first.resolve("node_modules"));
    Files.writeString(first.resolve("node_modules/lib.js"), "good");
    cache().save(first, before);
    Path agent = tree("agent", "v1");
    cache().restore(agent);

    Files.writeString(agent.resolve("node_modules/lib.js"), "poisoned");

    Path next = tree("next", "v1");
    cache().restore(next);
    assertThat(next.resolve("node_modules/lib.js")).hasContent("good");
  }

  @Test
  void aLinkLeadingOutOfTheSavedFolder_keepsTheFolderOutOfTheCache() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    for (String target : List.of(outside.toString(), "../../outside", "../..")) {
      Path first = tree("first-" + target.length(), "v" + target.length());
      TreeCache.BeforeSetup before = cache().beforeSetup(first);
      Files.createDirectories(first.resolve("node_modules"));
      Files.createSymbolicLink(first.resolve("node_modules/escape"), Path.of(target));

      assertThat(cache().save(first, before)).as(target).isFalse();
      Path next = tree("next-" + target.length(), "v" + target.length());
      assertThat(cache().restore(next)).as(target).isFalse();
      assertThat(next.resolve("node_modules")).doesNotExist();
    }
    assertThat(outside.resolve("secret.txt")).hasContent("secret");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void aLinkInsideTheSavedFolder_isCopiedAsTheLinkItIs() throws Exception {
    Path first = tree("first", "v1");
    TreeCache.BeforeSetup before = cache().beforeSetup(first);
    Files.createDirectories(first.resolve("node_modules/.bin"));
    Files.createDirectories(first.resolve("node_modules/tool"));
    Files.writeString(first.resolve("node_modules/tool/cli.js"), "cli");
    Files.createSymbolicLink(first.resolve("node_modules/.bin/tool"), Path.of("../tool/cli.js"));

    assertThat(cache().save(first, before)).isTrue();
    Path next = tree("next", "v1");
    cache().restore(next);

    Path restored = next.resolve("node_modules/.bin/tool");
    assertThat(Files.readSymbolicLink(restored)).isEqualTo(Path.of("../tool/cli.js"));
    assertThat(restored).hasContent("cli");
  }

  @Test
  void whatTheTreeHadBeforeSetup_isNotSaved() throws Exception {
    Path first = tree("first", "v1");
    Files.createDirectories(first.resolve("node_modules"));
    Files.writeString(first.resolve("node_modules/committed.js"), "an agent's commit");
    TreeCache.BeforeSetup before = cache().beforeSetup(first);
    Files.writeString(first.resolve("node_modules/installed.js"), "setup's");

    assertThat(cache().save(first, before)).isFalse();
    assertThat(cache().restore(tree("next", "v1"))).isFalse();
  }

  @Test
  void theEntryIsFiledUnderTheKeyFilesAsTheyWereBeforeSetup() throws Exception {
    Path first = tree("first", "v1");
    TreeCache.BeforeSetup before = cache().beforeSetup(first);
    Files.createDirectories(first.resolve("node_modules"));
    Files.writeString(first.resolve("node_modules/lib.js"), "lib");
    // An install script rewrites the key file, to file its work under another key.
    Files.writeString(first.resolve("package-lock.json"), "v2");

    cache().save(first, before);

    assertThat(cache().restore(tree("other", "v2"))).isFalse();
    assertThat(cache().restore(tree("same", "v1"))).isTrue();
  }

  @Test
  void aFolderOnTheWayThatIsALink_isNeitherRestoredThroughNorSaved() throws Exception {
    CacheSettings web =
        new CacheSettings(List.of("package-lock.json"), List.of("web/node_modules"));
    Path first = tree("first", "v1");
    TreeCache webCache = new TreeCache(web, temp.resolve("cache"));
    TreeCache.BeforeSetup before = webCache.beforeSetup(first);
    Files.createDirectories(first.resolve("web/node_modules"));
    Files.writeString(first.resolve("web/node_modules/lib.js"), "lib");
    assertThat(webCache.save(first, before)).isTrue();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Path next = tree("next", "v1");
    Files.createSymbolicLink(next.resolve("web"), outside);

    new TreeCache(web, temp.resolve("cache")).restore(next);

    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).as("nothing written through the link").isEmpty();
    }
  }

  @Test
  void pathsNamingOneFolderTwice_areRefusedBeforeAnyCopy() {
    assertThatThrownBy(
            () -> new CacheSettings(List.of("package-lock.json"), List.of(".npm", ".npm/_cacache")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cache paths '.npm/_cacache' is also '.npm' or under it");
    assertThatThrownBy(
            () -> new CacheSettings(List.of("package-lock.json"), List.of(".npm", "./.npm")))
        .isInstanceOf(IllegalArgumentException.class);
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
    List<TreeCache.BeforeSetup> befores = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Path tree = tree(name, "v1");
      befores.add(cache().beforeSetup(tree));
      Files.createDirectories(tree.resolve("node_modules"));
      for (int i = 0; i < 200; i++) {
        Files.writeString(tree.resolve("node_modules/f" + i + ".js"), name);
      }
      trees.add(tree);
    }
    CyclicBarrier together = new CyclicBarrier(2);
    List<CompletableFuture<Boolean>> saves = new ArrayList<>();
    for (int t = 0; t < trees.size(); t++) {
      Path tree = trees.get(t);
      TreeCache.BeforeSetup before = befores.get(t);
      saves.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  together.await();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return cache().save(tree, before);
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
    TreeCache.BeforeSetup before = cache().beforeSetup(first);
    Files.createDirectories(first.resolve("node_modules"));
    Files.writeString(first.resolve("node_modules/lib.js"), "cached");
    cache().save(first, before);
    Path next = tree("next", "v1");
    Files.createDirectories(next.resolve("node_modules"));
    Files.writeString(next.resolve("node_modules/own.js"), "own");

    cache().restore(next);

    assertThat(next.resolve("node_modules/lib.js")).doesNotExist();
    assertThat(Files.exists(next.resolve("node_modules/own.js"), LinkOption.NOFOLLOW_LINKS))
        .isTrue();
  }
}
