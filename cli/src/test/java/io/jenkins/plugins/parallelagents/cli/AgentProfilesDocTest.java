package io.jenkins.plugins.parallelagents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The docs show users exactly the profiles the real-agent tests run: the example plan's. */
class AgentProfilesDocTest {

  @ParameterizedTest
  @ValueSource(strings = {"claude", "codex", "gemini"})
  void agentContract_showsTheExampleProfile(String agent) throws Exception {
    String docs = Files.readString(AgentClis.CHECKOUT.resolve("docs/agent-contract.md"));

    assertThat(docs)
        .contains("  " + agent + ":\n    command: '" + AgentProfiles.command(agent) + "'\n");
  }
}
