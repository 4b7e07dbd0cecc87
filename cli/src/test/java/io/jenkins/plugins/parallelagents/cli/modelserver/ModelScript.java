package io.jenkins.plugins.parallelagents.cli.modelserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the scripted model answers, per conversation. A conversation is recognised by a marker text
 * its requests contain (a task's prompt holds "- Task: api (", say), so agents of parallel tasks
 * sharing one server each get their own script.
 *
 * <p>The step within a conversation is the number of tool results the request carries: the reply is
 * a function of the request alone, so a retried request gets the same answer and side requests of
 * an agent cannot shift the script. Past its last turn a script finishes.
 */
public final class ModelScript {

  private final Map<String, List<Turn>> conversations = new LinkedHashMap<>();

  /** Adds the turns of the conversation whose requests contain {@code marker}. */
  public synchronized ModelScript conversation(String marker, Turn... turns) {
    conversations.put(marker, List.of(turns));
    return this;
  }

  /** The conversation of a task of the engine, recognised by its prompt's context block. */
  public ModelScript task(String taskId, Turn... turns) {
    return conversation("- Task: " + taskId + " (", turns);
  }

  /** The turn answering a request with {@code body} that carries {@code toolResults} results. */
  public synchronized Optional<Turn> turnFor(String body, int toolResults) {
    for (Map.Entry<String, List<Turn>> conversation : conversations.entrySet()) {
      if (body.contains(conversation.getKey())) {
        List<Turn> turns = conversation.getValue();
        return Optional.of(
            toolResults < turns.size() ? turns.get(toolResults) : Turn.finish("Done."));
      }
    }
    return Optional.empty();
  }

  /** Turns that write every file of {@code files} (path to content), one per turn, then finish. */
  public static Turn[] writing(Map<String, String> files, String finalText) {
    List<Turn> turns = new ArrayList<>();
    files.forEach((path, content) -> turns.add(Turn.write(path, content)));
    turns.add(Turn.finish(finalText));
    return turns.toArray(Turn[]::new);
  }
}
