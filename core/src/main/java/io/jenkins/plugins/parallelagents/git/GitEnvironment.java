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
   * Variables to add to {@code engine} (a {@link #forEngine} environment) for the engine's own git
   * calls: no system or global config, no hooks, no fsmonitor, so that nothing planted in a config
   * file or a hooks folder runs when the engine commits, merges or fetches. Commits get their
   * author from {@code identity}, since the global config that usually names it is not read.
   */
  public static Map<String, String> hardened(
      Map<String, String> engine, Map<String, String> identity) {
    Map<String, String> environment = new HashMap<>(identity);
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.put("GIT_CONFIG_GLOBAL", "/dev/null");
    environment.put("GIT_ATTR_NOSYSTEM", "1");
    // History is read from the commits themselves: no replace ref or graft answers for them.
    environment.put("GIT_NO_REPLACE_OBJECTS", "1");
    int count = configCount(engine);
    count = addConfig(environment, count, "core.hooksPath", "/dev/null");
    count = addConfig(environment, count, "core.fsmonitor", "false");
    count = addConfig(environment, count, "core.commitGraph", "false");
    // An index's cache of untracked folders, which an agent could forge to hide new files.
    count = addConfig(environment, count, "core.untrackedCache", "false");
    addConfig(environment, count, "protocol.ext.allow", "never");
    return environment;
  }

  /**
   * An automatic gc or maintenance, started by a commit or a fetch, would repack objects and pack
   * refs under another run's fetch of the same repository, and prune worktrees while tasks create
   * theirs. Added through git's environment configuration, after any entries the host already set
   * there.
   */
  private static void disableAutoGc(Map<String, String> environment) {
    int count = addConfig(environment, configCount(environment), "gc.auto", "0");
    addConfig(environment, count, "maintenance.auto", "false");
  }

  private static int configCount(Map<String, String> environment) {
    try {
      return Integer.parseInt(environment.getOrDefault("GIT_CONFIG_COUNT", "0").strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Adds one {@code GIT_CONFIG_KEY_n}/{@code VALUE_n} pair; returns the new count. */
  private static int addConfig(
      Map<String, String> environment, int count, String key, String value) {
    environment.put("GIT_CONFIG_KEY_" + count, key);
    environment.put("GIT_CONFIG_VALUE_" + count, value);
    environment.put("GIT_CONFIG_COUNT", Integer.toString(count + 1));
    return count + 1;
  }
}
