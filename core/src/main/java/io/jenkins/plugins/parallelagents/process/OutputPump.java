package io.jenkins.plugins.parallelagents.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a command on its own thread, so that a chatty process never blocks on
 * a full pipe. A logged stream is read in bounded chunks to the end, whatever the sink does.
 */
final class OutputPump {

  /** A killed tree's orphaned grandchild could hold the pipe open: do not wait for ever. */
  private static final long JOIN_MS = 10_000;

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private Thread thread;
  private volatile boolean overflowed;

  private OutputPump() {}

  /**
   * Keeps the whole stream, byte for byte, for the caller (git's output: a diff line may hold a
   * lone CR, a {@code -z} listing NULs; neither may be re-split or rewritten). Past {@code
   * limitBytes} nothing more is kept, {@code onOverflow} runs once, and the rest is read and
   * dropped.
   */
  static OutputPump capture(InputStream in, long limitBytes, Runnable onOverflow) {
    OutputPump pump = new OutputPump();
    return pump.start(() -> pump.keep(in, limitBytes, onOverflow), in);
  }

  /** Sends the stream, cut into bounded lines, to {@code sink}, which it closes at the end. */
  static OutputPump toSink(InputStream in, LogSink sink, OutputLimits limits) {
    return new OutputPump().start(() -> drain(in, sink, limits), in);
  }

  private OutputPump start(Runnable body, InputStream in) {
    thread = new Thread(body, "parallel-agents-output-" + in.hashCode());
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void keep(InputStream in, long limitBytes, Runnable onOverflow) {
    byte[] buffer = new byte[8192];
    try (in) {
      int count;
      while ((count = in.read(buffer)) >= 0) {
        synchronized (captured) {
          if (!overflowed && captured.size() + (long) count <= limitBytes) {
            captured.write(buffer, 0, count);
            continue;
          }
        }
        if (!overflowed) {
          overflowed = true;
          onOverflow.run();
        }
      }
    } catch (IOException ignored) {
      // the stream closes when the process tree is killed
    }
  }

  private static void drain(InputStream in, LogSink sink, OutputLimits limits) {
    byte[] buffer = new byte[8192];
    try (LineStream lines = new LineStream(sink, limits)) {
      try (in) {
        int count;
        while ((count = in.read(buffer)) >= 0) {
          lines.write(buffer, 0, count);
        }
      } catch (IOException ignored) {
        // the stream closes when the process tree is killed
      }
    }
  }

  /** Waits for the stream's end and returns what was kept (empty unless captured). */
  String finish() {
    try {
      thread.join(JOIN_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** Whether a captured stream passed its limit, so that what was kept is not all of it. */
  boolean overflowed() {
    return overflowed;
  }
}
