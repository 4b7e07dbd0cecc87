package io.jenkins.plugins.parallelagents.process;

/**
 * How much of a logged command's output is kept: whatever a command prints, the engine holds at
 * most one line in memory and each log stays below a known size.
 *
 * @param lineBytes a longer line is cut there and ends with {@code [truncated N bytes]}
 * @param logBytes a log stops growing there, with one {@code [truncated N bytes]} line at its end;
 *     the command's output is still read (and dropped), so it never blocks or dies of a closed pipe
 */
public record OutputLimits(int lineBytes, long logBytes) {

  /** 64 KiB per line, 64 MiB per log, as docs/agent-contract.md says. */
  public static final OutputLimits DEFAULT = new OutputLimits(64 * 1024, 64L * 1024 * 1024);

  public OutputLimits {
    if (lineBytes < 1 || logBytes < 1) {
      throw new IllegalArgumentException("output limits must be positive");
    }
  }

  /** The marker a cut line or log ends with. */
  static String truncated(long bytes) {
    return "[truncated " + bytes + " bytes]";
  }
}
