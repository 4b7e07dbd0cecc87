package io.jenkins.plugins.parallelagents.plan;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the plan's {@code agents} section: named profiles, each with the command to run and whether
 * it runs in the sandbox.
 */
final class AgentsReader {

  /**
   * @param profiles the well-formed profiles, in file order
   * @param declared every profile name written, well-formed or not, so that a task naming a broken
   *     profile is not also told the profile does not exist
   */
  record Agents(Map<String, AgentProfile> profiles, Set<String> declared) {
    static final Agents NONE = new Agents(Map.of(), Set.of());

    /**
     * How a message continues after naming an agent that does not exist ({@code ", which is not an
     * agent in 'agents' (did you mean 'codex'?)"}), or {@code null} when it does exist.
     */
    String unknown(String name) {
      if (declared.contains(name)) {
        return null;
      }
      if (declared.isEmpty()) {
        return ", but the plan has no 'agents' section";
      }
      String hint = Suggestions.hint(name, declared);
      return ", which is not an agent in 'agents'"
          + (hint.isEmpty() ? " (the agents are " + String.join(", ", declared) + ")" : hint);
    }
  }

  private final Problems problems;

  AgentsReader(Problems problems) {
    this.problems = problems;
  }

  /**
   * The profiles of {@code mapping}; {@code null} is no section.
   *
   * @param sandboxAll {@code defaults.sandbox}: every profile runs in the sandbox
   */
  Agents read(Node.Mapping mapping, boolean sandboxAll) {
    if (mapping == null) {
      return Agents.NONE;
    }
    // Any name may be a profile; the reader is still used for its duplicate-key check.
    List<String> names = mapping.entries().stream().map(Node.Entry::key).toList();
    new MappingReader(mapping, "agents", names, problems);
    Map<String, AgentProfile> profiles = new LinkedHashMap<>();
    Set<String> declared = new LinkedHashSet<>();
    for (Node.Entry entry : mapping.entries()) {
      if (!declared.add(entry.key())) {
        continue;
      }
      AgentProfile profile = profile(entry, sandboxAll);
      if (profile != null) {
        profiles.put(entry.key(), profile);
      }
    }
    return new Agents(profiles, declared);
  }

  private AgentProfile profile(Node.Entry entry, boolean sandboxAll) {
    String context = "agent '" + entry.key() + "'";
    if (!(entry.value() instanceof Node.Mapping mapping)) {
      problems.add(
          entry.value().position(),
          context
              + " must be a mapping with a 'command', not "
              + MappingReader.describe(entry.value()));
      return null;
    }
    MappingReader in = new MappingReader(mapping, context, PlanKeys.AGENT, problems);
    CommandSpec command = in.command("command");
    if (!in.has("command")) {
      problems.add(entry.keyPosition(), context + " has no 'command'");
    }
    Boolean sandbox = in.bool("sandbox");
    // Either one turns it on. A profile cannot opt out of defaults: silently running unsandboxed
    // what the plan's author believed sandboxed would be the worse surprise, so it is an error.
    if (sandboxAll && Boolean.FALSE.equals(sandbox)) {
      in.problem(
          "sandbox",
          "'sandbox' is false, but 'defaults' sets 'sandbox: true' for every agent;"
              + " remove one of the two");
    }
    return command == null
        ? null
        : new AgentProfile(entry.key(), command, sandboxAll || Boolean.TRUE.equals(sandbox));
  }
}
