package io.jenkins.plugins.parallelagents.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationsTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final String URL = "/srv/git/app.git";

  @TempDir Path dir;

  @Test
  void anIntent_isTheRecordingPlansOwn_beforeAndAfterItIsConfirmed() throws Exception {
    Publications publications = Publications.in(new StateRoot(dir));

    Publication intent = publications.intend("agents/x", URL, "plan-a", "run-1", "c1", NOW);
    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c1")).isTrue();
    publications.confirm(intent, NOW.plusSeconds(1));

    assertThat(publications.all())
        .singleElement()
        .satisfies(p -> assertThat(p.state()).isEqualTo(Publication.State.CONFIRMED));
    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c1")).isTrue();
    assertThat(publications.isOwn("agents/x", null, "plan-a", "c1")).as("any destination").isTrue();
    assertThat(publications.isOwn("agents/x", URL, "plan-b", "c1")).as("another plan").isFalse();
    assertThat(publications.isOwn("agents/x", "local", "plan-a", "c1")).as("elsewhere").isFalse();
    assertThat(publications.isOwn("agents/y", URL, "plan-a", "c1")).as("other target").isFalse();
    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c2")).as("other commit").isFalse();
  }

  @Test
  void eachTarget_keepsItsNewestPublicationsOnly() throws Exception {
    Publications publications = Publications.in(new StateRoot(dir));
    publications.intend("agents/other", URL, "plan-a", "run-0", "kept", NOW);
    int many = Publications.KEPT_PER_TARGET + 5;
    for (int i = 1; i <= many; i++) {
      publications.intend("agents/x", URL, "plan-a", "run-" + i, "c" + i, NOW);
    }

    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c" + many)).isTrue();
    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c6")).isTrue();
    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c5")).isFalse();
    assertThat(publications.isOwn("agents/other", URL, "plan-a", "kept")).isTrue();
  }

  @Test
  void anUnreadableFile_vouchesForNothing_andIsReplaced() throws Exception {
    Publications publications = Publications.in(new StateRoot(dir));
    Files.writeString(publications.file(), "{ not json");

    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c1")).isFalse();
    publications.intend("agents/x", URL, "plan-a", "run-1", "c1", NOW);
    assertThat(publications.isOwn("agents/x", URL, "plan-a", "c1")).isTrue();
  }

  @Test
  void runsPublishingAtOnce_loseNoRecord() throws Exception {
    Publications publications = Publications.in(new StateRoot(dir));
    int each = 15;
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (String target : List.of("agents/a", "agents/b", "agents/c")) {
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < each; i++) {
                    Publications.in(new StateRoot(dir))
                        .intend(target, URL, "plan", "run-" + i, target + i, NOW);
                  }
                } catch (Exception e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failures).isEmpty();
    assertThat(publications.all()).hasSize(3 * each);
  }
}
