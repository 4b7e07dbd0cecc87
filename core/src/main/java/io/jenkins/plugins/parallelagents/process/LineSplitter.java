package io.jenkins.plugins.parallelagents.process;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into lines (ended by LF, CR or CRLF) holding at most one line's limit, and a
 * little more, in memory: the rest of a longer line is counted, not kept. A 2.5 GB line thus costs
 * what a 64 KiB one does.
 *
 * <p>A longer line keeps {@value #LOOKAHEAD_BYTES} bytes past its cut, which are not shown: a
 * secret the cut falls into is then still seen whole by the line filter, and masked, instead of
 * reaching the log as a prefix too short to be recognised.
 */
final class LineSplitter {

  /** Bytes kept past the cut; longer than any token format a line filter recognises. */
  static final int LOOKAHEAD_BYTES = 4096;

  /** Receives each line, without its terminator, and how many bytes it took from the stream. */
  interface Lines {

    /** A line within the limit. */
    void line(String line, long streamBytes);

    /**
     * A line longer than the limit.
     *
     * @param seen its start: the limit and up to {@value #LOOKAHEAD_BYTES} bytes more
     * @param keptChars how many characters of {@code seen} are within the limit
     * @param truncatedBytes the bytes of the line past the limit
     */
    void cut(String seen, int keptChars, long truncatedBytes, long streamBytes);
  }

  private final int limit;
  private final byte[] line;
  private final Lines lines;
  private int length;
  private long dropped;
  private boolean afterCr;

  LineSplitter(int lineBytes, Lines lines) {
    this.limit = lineBytes;
    this.line = new byte[lineBytes + LOOKAHEAD_BYTES];
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
    if (length > 0) {
      emit(0);
    }
  }

  private void emit(int terminator) {
    long streamBytes = length + dropped + terminator;
    if (length <= limit) {
      String text = new String(line, 0, length, StandardCharsets.UTF_8);
      length = 0;
      lines.line(text, streamBytes);
      return;
    }
    String seen = new String(line, 0, length, StandardCharsets.UTF_8);
    int keptChars = new String(line, 0, limit, StandardCharsets.UTF_8).length();
    long truncated = length - limit + dropped;
    length = 0;
    dropped = 0;
    lines.cut(seen, keptChars, truncated, streamBytes);
  }
}
