package io.jenkins.plugins.parallelagents.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plan files for the command tests. */
final class Plans {

  /** Four tasks, one of them foundation, every task with an agent. */
  static final String VALID =
      """
      version: 1
      name: notification-preferences
      agents:
        script: { command: ["./agent.sh", "{task}"] }
      defaults:
        agent: script
      tasks:
        - id: migration
          foundation: true
          prompt: Add the notification_preferences table.
        - id: api
          needs: [migration]
          attempts: 3
          prompt: Add the preferences endpoint.
        - id: frontend
          needs: [api]
          prompt: Add the preferences page.
        - id: docs
          needs: [migration]
          prompt: Document the preferences.
      """;

  /** Three problems: an unknown key, a need that is not a task, zero attempts. */
  static final String INVALID =
      """
      version: 1
      name: broken
      agents:
        script: { command: ["./agent.sh", "{task}"] }
      defaults:
        agent: script
      tasks:
        - id: migration
          foundation: true
          prompt: Add the table.
        - id: api
          needs: [migraton]
          colour: blue
          attempts: 0
          prompt: Add the endpoint.
      """;

  /** Valid, but no task names an agent: fine for a Jenkins block, not for the CLI. */
  static final String WITHOUT_AGENTS =
      """
      version: 1
      name: no-agents
      tasks:
        - id: migration
          foundation: true
          prompt: Add the table.
        - id: api
          needs: [migration]
          prompt: Add the endpoint.
      """;

  private Plans() {}

  static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
