package io.jenkins.plugins.parallelagents.git;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The environment the engine runs git and every step with, derived from the host's. */
public final class GitEnvironment {

  /** Variables that would point git at another repository than each worktree's own. */
  private static final Set<String> GIT_LOCATION_VARIABLES =
      Set.of(
          "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR");

  private GitEnvironment() {}

  /**
   * The host's variables without git location overrides, with prompts for credentials off (nobody
   * is there to answer) and automatic gc off.
   */
  public static Map<String, String> forEngine(Map<String, String> host) {
    Map<String, String> environment = new HashMap<>(host);
    environment.keySet().removeAll(GIT_LOCATION_VARIABLES);
    environment.put("GIT_TERMINAL_PROMPT", "0");
    disableAutoGc(environment);
    return environment;
  }

  /**
   * An automatic gc, started by any commit, would prune worktrees while tasks create theirs. Added
   * through git's environment configuration, after any entries the host already set there.
   */
  private static void disableAutoGc(Map<String, String> environment) {
    int count;
    try {
      count = Integer.parseInt(environment.getOrDefault("GIT_CONFIG_COUNT", "0").strip());
    } catch (NumberFormatException e) {
      count = 0;
    }
    environment.put("GIT_CONFIG_KEY_" + count, "gc.auto");
    environment.put("GIT_CONFIG_VALUE_" + count, "0");
    environment.put("GIT_CONFIG_COUNT", Integer.toString(count + 1));
  }
}
