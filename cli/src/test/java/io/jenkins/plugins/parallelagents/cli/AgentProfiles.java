package io.jenkins.plugins.parallelagents.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The ready agent profiles, read from the example plan: the tests run exactly the command lines the
 * example and docs/agent-contract.md give users.
 */
final class AgentProfiles {

  static final YAMLMapper YAML = new YAMLMapper();

  static final Path EXAMPLE_PLAN =
      AgentClis.CHECKOUT.resolve(ExampleLocator.EXAMPLE).resolve(ExampleLocator.PLAN_FILE);

  private AgentProfiles() {}

  /** The example plan, as a tree to change and write back. */
  static ObjectNode examplePlan() throws IOException {
    return (ObjectNode) YAML.readTree(EXAMPLE_PLAN.toFile());
  }

  /** The example's profile {@code name} (claude, codex, gemini, ...). */
  static JsonNode profile(String name) throws IOException {
    JsonNode profile = examplePlan().path("agents").path(name);
    if (profile.isMissingNode()) {
      throw new IllegalStateException("the example plan has no agent " + name);
    }
    return profile;
  }

  /** The command line of the example's profile {@code name}. */
  static String command(String name) throws IOException {
    return profile(name).path("command").asText();
  }

  /** A task of a test plan: its id, the profile that runs it, its prompt and its timeout. */
  record PlanTask(String id, String agent, String prompt, String timeout) {}

  /**
   * A plan of {@code tasks}, side by side, with the example's profiles for claude, codex and
   * gemini.
   */
  static Path writePlan(Path file, List<PlanTask> tasks) throws IOException {
    ObjectNode plan = YAML.createObjectNode().put("version", 1).put("name", "real-agents");
    ObjectNode agents = plan.putObject("agents");
    for (String name : List.of("claude", "codex", "gemini")) {
      agents.set(name, profile(name));
    }
    plan.put("maxParallel", tasks.size()).put("failFast", false);
    ArrayNode list = plan.putArray("tasks");
    for (PlanTask task : tasks) {
      list.addObject()
          .put("id", task.id())
          .put("agent", task.agent())
          .put("prompt", task.prompt())
          .put("timeout", task.timeout());
    }
    Files.writeString(file, YAML.writeValueAsString(plan));
    return file;
  }
}
