package io.jenkins.plugins.parallelagents.process;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into lines (ended by LF, CR or CRLF) holding at most one line's limit in
 * memory: the rest of a longer line is counted, not kept, and the line ends with {@code [truncated
 * N bytes]}. A 2.5 GB line thus costs what a 64 KiB one does.
 */
final class LineSplitter {

  /** Receives each line, without its terminator, and how many bytes it took from the stream. */
  interface Lines {
    void line(String line, long streamBytes);
  }

  private final byte[] line;
  private final Lines lines;
  private int length;
  private long dropped;
  private boolean afterCr;

  LineSplitter(int lineBytes, Lines lines) {
    this.line = new byte[lineBytes];
    this.lines = lines;
  }

  /** Takes the next {@code count} bytes of the stream. */
  void accept(byte[] bytes, int count) {
    for (int i = 0; i < count; i++) {
      byte b = bytes[i];
      if (b == '\n' && afterCr) {
        afterCr = false; // the LF of a CRLF: the line already ended at its CR
        continue;
      }
      afterCr = b == '\r';
      if (b == '\n' || b == '\r') {
        emit(1);
      } else if (length < line.length) {
        line[length++] = b;
      } else {
        dropped++;
      }
    }
  }

  /** The stream ended: a last line without terminator is still a line. */
  void end() {
    if (length > 0 || dropped > 0) {
      emit(0);
    }
  }

  private void emit(int terminator) {
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    if (dropped > 0) {
      text = text + " " + OutputLimits.truncated(dropped);
    }
    long streamBytes = length + dropped + terminator;
    length = 0;
    dropped = 0;
    lines.line(text, streamBytes);
  }
}
