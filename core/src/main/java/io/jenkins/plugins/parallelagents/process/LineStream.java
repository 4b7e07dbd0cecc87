package io.jenkins.plugins.parallelagents.process;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A logged command's merged output as a stream someone else writes (a {@link StepLauncher}), cut
 * into bounded lines for a {@link LogSink}. Never throws: a launcher's copying thread must not die
 * of a full disk or a failing filter. What is written after {@link #close()} is dropped.
 */
final class LineStream extends OutputStream {

  private final LogSink sink;
  private final LineSplitter splitter;
  private boolean closed;

  LineStream(LogSink sink, OutputLimits limits) {
    this.sink = sink;
    this.splitter = new LineSplitter(limits.lineBytes(), sink);
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    if (closed || length <= 0) {
      return;
    }
    byte[] piece = offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    splitter.accept(piece, length);
    sink.flush(); // what came so far is readable in the log while the step runs
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    splitter.end();
    sink.close();
  }
}
