package io.jenkins.plugins.parallelagents.git;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.parallelagents.report.ReportJson;
import io.jenkins.plugins.parallelagents.report.RunOwner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One writer at a time in a user's repository, across processes and across the runs of one JVM
 * (Jenkins runs many builds in one). Git takes its own locks ref by ref and gives up at once when
 * another process holds one, so two runs that fetch and move branches in one repository at the same
 * moment can fail each other; they take this lock around those short sections instead.
 *
 * <p>Between processes it is an operating-system lock on a file, which ends with its process: a
 * holder killed with {@code kill -9} never blocks the next. The holder writes its {@link RunOwner}
 * into the file, so that a waiter can say whom it waits for.
 *
 * <p>Within one JVM, only one thread at a time may even open the file: on Linux, closing any
 * channel of a file drops every lock the process holds on it, so a second run that merely tried the
 * lock would silently release the first one's. The runs of one JVM take turns through a marker file
 * named after the JVM instead (created exclusively, so no shared Java state is needed), and the
 * threads of one instance through a fair lock.
 */
public final class RepositoryLock {

  private static final long FIRST_PAUSE_MS = 5;
  private static final long LONGEST_PAUSE_MS = 100;

  private final Path file;
  private final Path jvmMarker;

  /** Not a thread-owned lock: what {@link #acquire} returns may be closed by another thread. */
  private final Semaphore threads = new Semaphore(1, true);

  private volatile Thread holder;
  private final ObjectMapper json = ReportJson.newMapper();

  /**
   * @param file the lock file, created with its folder when missing; every run of a repository must
   *     name the same one
   */
  public RepositoryLock(Path file) {
    this.file = file.toAbsolutePath().normalize();
    ProcessHandle self = ProcessHandle.current();
    String started =
        self.info().startInstant().map(at -> Long.toString(at.toEpochMilli())).orElse("0");
    this.jvmMarker =
        this.file.resolveSibling(this.file.getFileName() + ".jvm-" + self.pid() + "-" + started);
  }

  /**
   * A lock for a repository no other run writes to at the same time (a node's own checkout, a
   * benchmark): only the threads of its holder take turns, no file is written.
   */
  public static RepositoryLock unshared() {
    return new RepositoryLock();
  }

  private RepositoryLock() {
    this.file = null;
    this.jvmMarker = null;
  }

  /** The lock file, or {@code null} for an {@link #unshared} lock. */
  public Path file() {
    return file;
  }

  /** Waits until this caller holds the lock; closing what it returns releases it. */
  public Held acquire() {
    return acquire(owner -> {});
  }

  /**
   * Waits until this caller holds the lock; closing what it returns releases it. Hold it only for
   * short sections: every other run of the repository waits meanwhile.
   *
   * @param whileWaiting told once, before waiting, who holds the lock (empty when the holder wrote
   *     nothing readable yet); not called when the lock is free
   * @throws IllegalStateException when this thread holds the lock already
   */
  public Held acquire(Consumer<Optional<RunOwner>> whileWaiting) {
    if (holder == Thread.currentThread()) {
      // It would wait for its own marker for ever.
      throw new IllegalStateException("this thread already holds the lock " + file);
    }
    Waiting waiting = new Waiting(whileWaiting);
    if (!threads.tryAcquire()) {
      waiting.heldBy(Optional.of(RunOwner.current()));
      threads.acquireUninterruptibly();
    }
    try {
      if (file == null) {
        holder = Thread.currentThread();
        return new Held(null);
      }
      takeJvmTurn(waiting);
      try {
        Held held = new Held(lockFile(waiting));
        holder = Thread.currentThread();
        return held;
      } catch (RuntimeException | Error e) {
        deleteMarker();
        throw e;
      }
    } catch (RuntimeException | Error e) {
      threads.release();
      throw e;
    }
  }

  /** Creates this JVM's marker, waiting while another run of this JVM has it. */
  private void takeJvmTurn(Waiting waiting) {
    long pause = FIRST_PAUSE_MS;
    while (true) {
      try {
        Files.createDirectories(file.getParent());
        Files.createFile(jvmMarker);
        return;
      } catch (FileAlreadyExistsException e) {
        waiting.heldBy(Optional.of(RunOwner.current()));
        pause(pause);
        pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the lock marker " + jvmMarker, e);
      }
    }
  }

  private FileLock lockFile(Waiting waiting) {
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        waiting.heldBy(owner(channel));
        lock = channel.lock();
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(json.writeValueAsBytes(RunOwner.current())), 0);
      return lock;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  /** The holder as it wrote itself into the file, read through the waiter's own channel. */
  private Optional<RunOwner> owner(FileChannel channel) {
    try {
      ByteBuffer bytes = ByteBuffer.allocate(4096);
      channel.read(bytes, 0);
      return Optional.of(json.readValue(bytes.array(), 0, bytes.position(), RunOwner.class));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not written yet, or half: the holder is still unknown
    }
  }

  private void deleteMarker() {
    try {
      Files.deleteIfExists(jvmMarker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the lock marker " + jvmMarker, e);
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the repository lock", e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing releases the lock: nothing more to do with a channel that failed
      }
    }
  }

  /** Tells the caller once who it waits for. */
  private static final class Waiting {
    private final Consumer<Optional<RunOwner>> listener;
    private boolean told;

    Waiting(Consumer<Optional<RunOwner>> listener) {
      this.listener = listener;
    }

    void heldBy(Optional<RunOwner> owner) {
      if (!told) {
        told = true;
        listener.accept(owner);
      }
    }
  }

  /** The lock, held until closed. */
  public final class Held implements AutoCloseable {
    private final FileLock lock;
    private boolean released;

    private Held(FileLock lock) {
      this.lock = lock;
    }

    /** Releases the lock: the owner is wiped, then the file unlocked and this JVM's turn ended. */
    @Override
    public void close() {
      if (released) {
        return;
      }
      released = true;
      if (lock == null) {
        holder = null;
        threads.release();
        return;
      }
      try (FileChannel channel = lock.channel()) {
        channel.truncate(0);
      } catch (IOException e) {
        // closing the channel released the lock all the same; a stale owner is only a name
      } finally {
        try {
          deleteMarker();
        } finally {
          holder = null;
          threads.release();
        }
      }
    }
  }
}
