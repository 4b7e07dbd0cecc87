package io.jenkins.plugins.parallelagents.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.report.AtomicFiles;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What this tool published where, for one repository: {@code publications.json} in its {@link
 * StateRoot}. A target that holds exactly a commit recorded here for the same plan is this plan's
 * own earlier result, which the next run of the plan may replace.
 *
 * <p>A publication is recorded as an intent before anything moves and confirmed after, so that a
 * run killed between its push and its record still leaves the pushed commit recognisable as its
 * own. The file is replaced atomically; writers take a file lock, as runs of one repository may
 * publish at the same time.
 */
public final class Publications {

  /** The publications kept per target and destination, newest first; older ones are forgotten. */
  static final int KEPT_PER_TARGET = 20;

  private static final String FILE_NAME = "publications.json";

  private final Path file;
  private final ObjectMapper mapper = ReportJson.newMapper();

  /** The file's content. */
  record Contents(List<Publication> publications) {
    Contents {
      publications = publications == null ? List.of() : List.copyOf(publications);
    }
  }

  private Publications(Path file) {
    this.file = file;
  }

  /** The publications of the repository whose runs live in {@code root}. */
  public static Publications in(StateRoot root) {
    return new Publications(root.root().resolve(FILE_NAME));
  }

  public Path file() {
    return file;
  }

  /** Every recorded publication, newest first; none when the file is missing or unreadable. */
  public List<Publication> all() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return mapper.readValue(Files.readAllBytes(file), Contents.class).publications();
    } catch (IOException | RuntimeException e) {
      // Written atomically, so only a hand-edited file is unreadable: it vouches for nothing.
      return List.of();
    }
  }

  /**
   * Whether {@code plan} published (or set out to publish) {@code commit} to {@code target}.
   *
   * @param destination the push URL, {@link Publication#LOCAL}, or {@code null} for any: every
   *     publication moved the repository's local target, whatever else it pushed to
   */
  public boolean isOwn(String target, String destination, String plan, String commit) {
    return all().stream()
        .anyMatch(
            p ->
                p.target().equals(target)
                    && (destination == null
                        || Publication.destination(p.destination())
                            .equals(Publication.destination(destination)))
                    && p.plan().equals(plan)
                    && p.commit().equals(commit));
  }

  /** Records that {@code runId} is about to publish {@code commit}; returns the record. */
  public Publication intend(
      String target, String destination, String plan, String runId, String commit, Instant at)
      throws IOException {
    Publication intent =
        new Publication(target, destination, plan, runId, commit, Publication.State.INTENT, at);
    update(
        list -> {
          List<Publication> updated = new ArrayList<>();
          updated.add(intent);
          int sameTarget = 1;
          for (Publication p : list) {
            if (!p.sameTarget(intent) || sameTarget++ < KEPT_PER_TARGET) {
              updated.add(p);
            }
          }
          return updated;
        });
    return intent;
  }

  /** Marks {@code intent} as done: the target holds its commit. */
  public void confirm(Publication intent, Instant at) throws IOException {
    update(
        list -> list.stream().map(p -> Objects.equals(p, intent) ? p.confirmed(at) : p).toList());
  }

  private void update(UnaryOperator<List<Publication>> change) throws IOException {
    Files.createDirectories(file.getParent());
    Path lockFile = file.resolveSibling(FILE_NAME + ".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(channel)) {
      byte[] json = mapper.writeValueAsBytes(new Contents(change.apply(all())));
      AtomicFiles.write(file, json);
    }
  }

  /**
   * Waits for the lock. Another process blocks in {@code lock()}; another run in this JVM (a
   * Jenkins controller runs many) makes the JVM refuse a second lock at once, so that one is
   * retried.
   */
  private static FileLock lock(FileChannel channel) throws IOException {
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting to record a publication", interrupted);
        }
      }
    }
  }
}
