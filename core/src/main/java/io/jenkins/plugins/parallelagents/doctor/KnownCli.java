package io.jenkins.plugins.parallelagents.doctor;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The coding-agent CLIs the doctor knows: how to install them, and options they renamed or dropped
 * with the fix, learned from their help, changelogs and release notes. Only these are asked for
 * {@code --version} and {@code --help}: an unknown program (an in-house script) might take those
 * words for work to do.
 */
enum KnownCli {
  CODEX(
      "codex",
      "npm install -g @openai/codex",
      Map.of(
          "--full-auto",
          "replace --full-auto with --sandbox workspace-write (Codex deprecated --full-auto in"
              + " 0.128 and removed it in 0.147)",
          "--ask-for-approval",
          "remove --ask-for-approval: codex exec never asks for approval, only interactive codex"
              + " takes it",
          "-a",
          "remove -a: codex exec never asks for approval, only interactive codex takes it")),
  CLAUDE("claude", "npm install -g @anthropic-ai/claude-code", Map.of()),
  GEMINI(
      "gemini",
      "npm install -g @google/gemini-cli",
      Map.of("--experimental-acp", "replace --experimental-acp with --acp")),
  AIDER("aider", "python -m pip install aider-install && aider-install", Map.of());

  private final String program;
  private final String install;
  private final Map<String, String> renamedOptions;

  KnownCli(String program, String install, Map<String, String> renamedOptions) {
    this.program = program;
    this.install = install;
    this.renamedOptions = renamedOptions;
  }

  /** The CLI whose program file is called {@code name}, if the doctor knows it. */
  static Optional<KnownCli> named(String name) {
    return Arrays.stream(values()).filter(cli -> cli.program.equals(name)).findFirst();
  }

  String program() {
    return program;
  }

  /** The command that installs it, for a fix. */
  String install() {
    return install;
  }

  /** The fix for an option this CLI renamed or dropped, if it is one. */
  Optional<String> renamed(String option) {
    return Optional.ofNullable(renamedOptions.get(option));
  }
}
