package io.jenkins.plugins.parallelagents.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an agent's usage and conversation from its log, the JSON lines its CLI printed (Claude
 * Code, Codex CLI, Gemini CLI). Each line is read by the CLI format it has the shape of, so that a
 * line printed first by something else cannot hide the agent's own lines; the log's format is the
 * one most of its lines have. Lines that are not JSON, of no known shape, or with impossible
 * figures are ignored, and which figure wins is {@link Tally}'s rule. The log is hostile input: a
 * line longer than {@link #MAX_LINE} characters is skipped without being held in memory, JSON nests
 * at most {@link #MAX_DEPTH} levels, and the conversation is kept short. Instances are immutable
 * and safe to share.
 */
public final class AgentLogReader {

  /** Real lines are a message or a tool result; a longer line is not read. */
  static final int MAX_LINE = 1 << 20;

  static final int MAX_DEPTH = 64;

  private static final List<FormatLines> FORMATS =
      List.of(new ClaudeLines(), new CodexLines(), new GeminiLines());

  private final ObjectMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_DEPTH)
                          .maxStringLength(MAX_LINE)
                          .maxNumberLength(32)
                          .build())
                  .build())
          .build();

  /** The usage in the log at {@code log}; empty when it is missing or holds no known format. */
  public Optional<AgentUsage> read(Path log) {
    if (log == null || !Files.isRegularFile(log)) {
      return Optional.empty();
    }
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(log), decoder)) {
      return read(in);
    } catch (IOException e) {
      return Optional.empty(); // the usage is a report's extra; a broken log only loses it
    }
  }

  /** The usage in {@code text}, the whole output of an agent. */
  public Optional<AgentUsage> read(String text) {
    try {
      return read(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException("a string cannot fail to read", e);
    }
  }

  private Optional<AgentUsage> read(Reader reader) throws IOException {
    BufferedReader in = new BufferedReader(reader);
    int[] lines = new int[FORMATS.size()];
    Tally tally = new Tally();
    Conversation conversation = new Conversation();
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    int c;
    while (true) {
      c = in.read();
      if (c == -1 || c == '\n') {
        if (!tooLong) {
          line(line.toString(), lines, tally, conversation);
        }
        line.setLength(0);
        tooLong = false;
        if (c == -1) {
          break;
        }
      } else if (!tooLong) {
        line.append((char) c);
        if (line.length() > MAX_LINE) {
          tooLong = true;
          line.setLength(0);
        }
      }
    }
    int most = 0;
    for (int i = 1; i < lines.length; i++) {
      most = lines[i] > lines[most] ? i : most;
    }
    if (lines[most] == 0 || (!tally.counted() && conversation.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(
        new AgentUsage(
            FORMATS.get(most).format(),
            tally.tokens(),
            tally.costUsd(),
            conversation.turns(),
            conversation.omitted()));
  }

  /** Reads one line, counting it for the format whose shape it has. */
  private void line(String text, int[] lines, Tally tally, Conversation conversation) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{")) {
      return;
    }
    JsonNode node;
    try {
      node = mapper.readTree(trimmed);
    } catch (IOException | RuntimeException e) {
      return; // not JSON, too deep, too long a number: not a line a CLI printed
    }
    if (node == null || !node.isObject()) {
      return;
    }
    for (int i = 0; i < FORMATS.size(); i++) {
      if (FORMATS.get(i).recognises(node)) {
        lines[i]++;
        FORMATS.get(i).read(node, tally, conversation);
        return;
      }
    }
  }
}
