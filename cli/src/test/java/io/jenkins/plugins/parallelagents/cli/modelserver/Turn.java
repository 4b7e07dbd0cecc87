package io.jenkins.plugins.parallelagents.cli.modelserver;

import java.time.Duration;

/**
 * One reply of the scripted model: what the model "decides" at one step of a conversation, the
 * token counts the reply reports, and how long the server waits before answering.
 */
public record Turn(Action action, Usage usage, Duration delay) {

  /** What the model answers with. */
  public sealed interface Action {}

  /** Asks the agent to write {@code content} to {@code path}, relative to its working folder. */
  public record WriteFile(String path, String content) implements Action {}

  /** Asks the agent to run a shell command in its working folder. */
  public record RunCommand(String command) implements Action {}

  /** Ends the conversation with a final text. */
  public record Finish(String text) implements Action {}

  /** Answers with an HTTP error instead of a reply, as an overloaded or refusing API does. */
  public record HttpError(int status, String message) implements Action {}

  /** Token counts the reply reports, set by the script so tests can check what agents report. */
  public record Usage(long inputTokens, long outputTokens) {}

  private static final Usage DEFAULT_USAGE = new Usage(100, 10);

  public static Turn write(String path, String content) {
    return new Turn(new WriteFile(path, content), DEFAULT_USAGE, Duration.ZERO);
  }

  public static Turn run(String command) {
    return new Turn(new RunCommand(command), DEFAULT_USAGE, Duration.ZERO);
  }

  public static Turn finish(String text) {
    return new Turn(new Finish(text), DEFAULT_USAGE, Duration.ZERO);
  }

  public static Turn error(int status, String message) {
    return new Turn(new HttpError(status, message), DEFAULT_USAGE, Duration.ZERO);
  }

  public Turn withUsage(long inputTokens, long outputTokens) {
    return new Turn(action, new Usage(inputTokens, outputTokens), delay);
  }

  /** The same reply, sent only after {@code wait}: a slow model. */
  public Turn after(Duration wait) {
    return new Turn(action, usage, wait);
  }
}
