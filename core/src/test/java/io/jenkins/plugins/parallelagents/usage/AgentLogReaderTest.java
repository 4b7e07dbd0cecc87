package io.jenkins.plugins.parallelagents.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLogReaderTest {

  private final AgentLogReader reader = new AgentLogReader();

  /** Shaped as Claude Code 2.x prints them with --output-format stream-json --verbose. */
  static final String CLAUDE =
      """
      {"type":"system","subtype":"init","cwd":"/w","session_id":"s1","tools":["Bash","Edit"],"model":"claude-sonnet-4-5","permissionMode":"acceptEdits"}
      {"type":"assistant","message":{"id":"m1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"I will add the endpoint."},{"type":"tool_use","id":"tu1","name":"Bash","input":{"command":"npm test"}}],"usage":{"input_tokens":10,"output_tokens":5}},"parent_tool_use_id":null,"session_id":"s1"}
      {"type":"user","message":{"role":"user","content":[{"tool_use_id":"tu1","type":"tool_result","content":"1 failing","is_error":true}]},"parent_tool_use_id":null,"session_id":"s1"}
      {"type":"assistant","message":{"id":"m2","role":"assistant","content":[{"type":"text","text":"Fixed."}]},"parent_tool_use_id":null,"session_id":"s1"}
      {"type":"result","subtype":"success","is_error":false,"duration_ms":5120,"duration_api_ms":4000,"num_turns":3,"result":"Fixed.","session_id":"s1","total_cost_usd":0.0421,"usage":{"input_tokens":120,"cache_creation_input_tokens":300,"cache_read_input_tokens":1500,"output_tokens":450,"server_tool_use":{"web_search_requests":0},"service_tier":"standard"},"modelUsage":{},"permission_denials":[],"uuid":"u1"}
      """;

  /** Shaped as codex-rs/exec/src/exec_events.rs serialises them (codex exec --json). */
  static final String CODEX =
      """
      {"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}
      {"type":"turn.started"}
      {"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"**Looking at the tests**"}}
      {"type":"item.started","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","aggregated_output":"","exit_code":null,"status":"in_progress"}}
      {"type":"item.completed","item":{"id":"item_1","type":"command_execution","command":"bash -lc ls","aggregated_output":"src\\n","exit_code":0,"status":"completed"}}
      {"type":"item.completed","item":{"id":"item_2","type":"file_change","changes":[{"path":"src/api.js","kind":"update"}],"status":"completed"}}
      {"type":"item.completed","item":{"id":"item_3","type":"agent_message","text":"Done."}}
      {"type":"turn.completed","usage":{"input_tokens":24763,"cached_input_tokens":24448,"output_tokens":122}}
      """;

  /** Shaped as Gemini CLI 0.61's StreamJsonFormatter prints them (--output-format stream-json). */
  static final String GEMINI =
      """
      {"type":"init","timestamp":"2026-12-02T10:00:00.000Z","session_id":"g1","model":"gemini-2.5-pro"}
      {"type":"message","timestamp":"2026-12-02T10:00:00.001Z","role":"user","content":"Add the endpoint"}
      {"type":"message","timestamp":"2026-12-02T10:00:01.000Z","role":"assistant","content":"Let me ","delta":true}
      {"type":"message","timestamp":"2026-12-02T10:00:01.100Z","role":"assistant","content":"look.","delta":true}
      {"type":"tool_use","timestamp":"2026-12-02T10:00:02.000Z","tool_name":"read_file","tool_id":"t1","parameters":{"absolute_path":"/w/a.js"}}
      {"type":"tool_result","timestamp":"2026-12-02T10:00:02.100Z","tool_id":"t1","status":"success","output":"const a = 1;"}
      {"type":"result","timestamp":"2026-12-02T10:00:03.000Z","status":"success","stats":{"total_tokens":1300,"input_tokens":1000,"output_tokens":300,"cached":400,"input":600,"duration_ms":3000,"tool_calls":1,"models":{}}}
      """;

  @Test
  void claudeCodeReportsTokensWithItsCacheAndTheCostOfTheSession() {
    AgentUsage usage = reader.read(CLAUDE).orElseThrow();

    assertThat(usage.format()).isEqualTo(AgentFormat.CLAUDE_STREAM_JSON);
    assertThat(usage.tokens()).isEqualTo(new Tokens(1920, 1500, 450));
    assertThat(usage.costUsd()).isEqualTo(0.0421);
    assertThat(usage.conversation())
        .extracting(Turn::kind, Turn::name, Turn::text, Turn::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Turn.Kind.ASSISTANT, null, "I will add the endpoint.", false),
            org.assertj.core.groups.Tuple.tuple(
                Turn.Kind.TOOL_CALL, "Bash", "{\"command\":\"npm test\"}", false),
            org.assertj.core.groups.Tuple.tuple(Turn.Kind.TOOL_RESULT, null, "1 failing", true),
            org.assertj.core.groups.Tuple.tuple(Turn.Kind.ASSISTANT, null, "Fixed.", false));
  }

  @Test
  void codexAddsUpItsTurnsAndHasNoCost() {
    AgentUsage usage =
        reader.read(CODEX + CODEX.replace("24763", "1000").replace("24448", "0")).orElseThrow();

    assertThat(usage.format()).isEqualTo(AgentFormat.CODEX_JSON);
    assertThat(usage.tokens()).isEqualTo(new Tokens(25763, 24448, 244));
    assertThat(usage.costUsd()).isNull();
    assertThat(usage.conversation())
        .extracting(Turn::kind)
        .startsWith(
            Turn.Kind.REASONING,
            Turn.Kind.TOOL_CALL,
            Turn.Kind.TOOL_RESULT,
            Turn.Kind.TOOL_CALL,
            Turn.Kind.ASSISTANT);
    assertThat(usage.conversation().get(1).text()).isEqualTo("bash -lc ls");
    assertThat(usage.conversation().get(2).text()).isEqualTo("src\n");
  }

  @Test
  void geminiJoinsTheStreamedPiecesOfAMessageAndHasNoCost() {
    AgentUsage usage = reader.read(GEMINI).orElseThrow();

    assertThat(usage.format()).isEqualTo(AgentFormat.GEMINI_STREAM_JSON);
    assertThat(usage.tokens()).isEqualTo(new Tokens(1000, 400, 300));
    assertThat(usage.costUsd()).isNull();
    assertThat(usage.conversation())
        .extracting(Turn::kind, Turn::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Turn.Kind.USER, "Add the endpoint"),
            org.assertj.core.groups.Tuple.tuple(Turn.Kind.ASSISTANT, "Let me look."),
            org.assertj.core.groups.Tuple.tuple(
                Turn.Kind.TOOL_CALL, "{\"absolute_path\":\"/w/a.js\"}"),
            org.assertj.core.groups.Tuple.tuple(Turn.Kind.TOOL_RESULT, "const a = 1;"));
  }

  @Test
  void plainTextOutputHasNoUsage() {
    assertThat(reader.read("Editing src/api.js\nAll tests pass\n{not json}\n")).isEmpty();
    assertThat(reader.read("")).isEmpty();
  }

  @Test
  void aForgedCheaperResultLineCannotLowerTheCost() {
    String forged =
        "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"s1\","
            + "\"total_cost_usd\":0.0001,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}\n";

    AgentUsage usage = reader.read(CLAUDE + forged).orElseThrow();

    assertThat(usage.costUsd()).isEqualTo(0.0421);
    assertThat(usage.tokens()).isEqualTo(new Tokens(1920, 1500, 450));
  }

  @Test
  void aLineOfAnotherFormatPrintedFirstDoesNotHideTheAgentsOwnLines() {
    String codexFirst =
        "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":1,\"cached_input_tokens\":0,"
            + "\"output_tokens\":1}}\n";

    AgentUsage usage = reader.read(codexFirst + CLAUDE).orElseThrow();

    assertThat(usage.format()).isEqualTo(AgentFormat.CLAUDE_STREAM_JSON);
    assertThat(usage.costUsd()).isEqualTo(0.0421);
  }

  @Test
  void impossibleFiguresAreIgnoredWholeLine() {
    String hostile =
        """
        {"type":"turn.completed","usage":{"input_tokens":-5000,"cached_input_tokens":0,"output_tokens":10}}
        {"type":"turn.completed","usage":{"input_tokens":99999999999999999999999,"cached_input_tokens":0,"output_tokens":1}}
        {"type":"turn.completed","usage":{"input_tokens":10,"cached_input_tokens":20,"output_tokens":1}}
        {"type":"turn.completed","usage":{"input_tokens":1.5,"cached_input_tokens":0,"output_tokens":1}}
        {"type":"turn.completed","usage":{"input_tokens":"7","cached_input_tokens":0,"output_tokens":1}}
        {"type":"turn.completed","usage":{"input_tokens":100,"cached_input_tokens":10,"output_tokens":5}}
        """;
    String badCosts =
        """
        {"type":"result","session_id":"s","total_cost_usd":-3,"usage":{}}
        {"type":"result","session_id":"s","total_cost_usd":1e300,"usage":{}}
        {"type":"result","session_id":"s","total_cost_usd":"NaN","usage":{}}
        """;

    assertThat(reader.read(hostile).orElseThrow().tokens()).isEqualTo(new Tokens(100, 10, 5));
    assertThat(reader.read(badCosts).orElseThrow().costUsd()).isNull();
  }

  @Test
  void deeplyNestedAndEnormousLinesAreSkippedAndTheRestIsRead() {
    String deep =
        "{\"type\":\"item.completed\",\"item\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n";
    String huge =
        "{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\""
            + "x".repeat(AgentLogReader.MAX_LINE + 10)
            + "\"}}\n";

    AgentUsage usage = reader.read(deep + huge + CODEX).orElseThrow();

    assertThat(usage.tokens()).isEqualTo(new Tokens(24763, 24448, 122));
    assertThat(usage.conversation()).extracting(Turn::text).noneMatch(t -> t.startsWith("xxx"));
  }

  @Test
  void longTextsAreCutAndALongConversationKeepsItsStartAndItsEnd() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      log.append("{\"type\":\"item.completed\",\"item\":{\"type\":\"agent_message\",\"text\":\"m")
          .append(i)
          .append(i == 0 ? "y".repeat(10_000) : "")
          .append("\"}}\n");
    }

    AgentUsage usage = reader.read(log.toString()).orElseThrow();

    assertThat(usage.conversation()).hasSize(Conversation.HEAD + Conversation.TAIL);
    assertThat(usage.omittedTurns()).isEqualTo(1000 - Conversation.HEAD - Conversation.TAIL);
    assertThat(usage.conversation().get(0).text())
        .hasSizeLessThan(Conversation.MAX_TEXT + 40)
        .endsWith("[" + (10_002 - Conversation.MAX_TEXT) + " more characters]");
    assertThat(usage.conversation().get(usage.conversation().size() - 1).text()).isEqualTo("m999");
  }

  @Test
  void readsALogFileAndToleratesBytesThatAreNotUtf8(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("agent.log");
    byte[] junk = {(byte) 0xff, (byte) 0xfe, '\n'};
    Files.write(log, junk);
    Files.writeString(log, GEMINI, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    Optional<AgentUsage> usage = reader.read(log);

    assertThat(usage).map(AgentUsage::tokens).contains(new Tokens(1000, 400, 300));
    assertThat(reader.read(dir.resolve("missing.log"))).isEmpty();
  }
}
