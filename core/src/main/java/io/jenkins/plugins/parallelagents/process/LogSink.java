package io.jenkins.plugins.parallelagents.process;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where a logged command's lines go: through the runner's line filters, into the log file (owner
 * only, up to its size limit) and to the host's consumer. Never throws: a full disk, a failing
 * filter or a failing host must not stop the reading of the command's output.
 */
final class LogSink implements LineSplitter.Lines, AutoCloseable {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final String HIDDEN = "[line hidden: the output filter failed on it]";

  private final OutputStream log;
  private final Consumer<String> lines;
  private final LineFilters filters;
  private final long logBytes;
  private long written;
  private long dropped;
  private boolean logBroken;

  private LogSink(OutputStream log, Consumer<String> lines, LineFilters filters, long logBytes) {
    this.log = log;
    this.lines = lines;
    this.filters = filters;
    this.logBytes = logBytes;
  }

  /** A sink for {@code log} (may be null: no file) and {@code lines} (may be null). */
  static LogSink open(Path log, Consumer<String> lines, LineFilters filters, long logBytes) {
    return new LogSink(openLog(log), lines, filters, logBytes);
  }

  @Override
  public void line(String line, long streamBytes) {
    if (dropped > 0) {
      dropped += streamBytes;
      return;
    }
    show(filtered(filters.line(), line), streamBytes);
  }

  /**
   * The filter sees the cut line with its lookahead, so that a secret across the cut is masked
   * whole; what is shown is then cut back to the limit.
   */
  @Override
  public void cut(String seen, int keptChars, long truncatedBytes, long streamBytes) {
    if (dropped > 0) {
      dropped += streamBytes;
      return;
    }
    String masked = filtered(filters.cutLine(), seen);
    String text =
        masked.equals(HIDDEN) ? HIDDEN : masked.substring(0, Math.min(keptChars, masked.length()));
    show(text + " " + OutputLimits.truncated(truncatedBytes), streamBytes);
  }

  private void show(String shown, long streamBytes) {
    byte[] bytes = (shown + "\n").getBytes(StandardCharsets.UTF_8);
    if (written + bytes.length > logBytes) {
      dropped = streamBytes; // from here on the output is read and counted, no longer kept
      return;
    }
    written += bytes.length;
    write(bytes);
    deliver(shown);
  }

  /** Makes what was written so far visible to a reader of the log. */
  void flush() {
    if (log != null && !logBroken) {
      try {
        log.flush();
      } catch (IOException e) {
        logBroken = true;
      }
    }
  }

  @Override
  public void close() {
    if (dropped > 0) {
      String marker = OutputLimits.truncated(dropped);
      write((marker + "\n").getBytes(StandardCharsets.UTF_8));
      deliver(marker);
    }
    if (log != null) {
      try {
        log.close();
      } catch (IOException ignored) {
        // nothing more to write
      }
    }
  }

  /** A filter that fails must not leak what it was meant to hide: the line is withheld. */
  private static String filtered(UnaryOperator<String> filter, String line) {
    try {
      return filter.apply(line);
    } catch (RuntimeException e) {
      return HIDDEN;
    }
  }

  private void write(byte[] bytes) {
    if (log == null || logBroken) {
      return;
    }
    try {
      log.write(bytes);
    } catch (IOException e) {
      logBroken = true; // e.g. a full disk: the command goes on, its output reaches the host only
    }
  }

  /** A host's listener that fails must not stop the draining: the step would die of SIGPIPE. */
  private void deliver(String line) {
    if (lines == null) {
      return;
    }
    try {
      lines.accept(line);
    } catch (RuntimeException e) {
      // the line is still in the log file
    }
  }

  /** Logs may hold what an agent printed of its credentials: only their owner may read them. */
  private static OutputStream openLog(Path log) {
    if (log == null) {
      return null;
    }
    try {
      Files.createDirectories(log.getParent());
      createOwnerOnly(log);
      return new BufferedOutputStream(
          Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      return null; // the command still runs; its output only goes to the listener
    }
  }

  private static void createOwnerOnly(Path log) throws IOException {
    try {
      try {
        Files.createFile(log, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        Files.setPosixFilePermissions(log, OWNER_ONLY); // a later attempt appending to it
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the file gets its default permissions when opened
    }
  }
}
