package io.jenkins.plugins.parallelagents.push;

import io.jenkins.plugins.parallelagents.git.GitEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The environment git pushes with: the host's, without the variables that choose another transport
 * command, credential prompt, config or repository, and with no system or global config and no
 * hooks. The credential the host binds for the push URL is added after this.
 */
public final class PushEnvironment {

  /** Variables that would send the push, or its credential, somewhere else, or log it. */
  public static final Set<String> REMOVED =
      Set.of(
          "GIT_SSH",
          "GIT_SSH_COMMAND",
          "GIT_SSH_VARIANT",
          "GIT_ASKPASS",
          "SSH_ASKPASS",
          "GIT_PROXY_COMMAND",
          "GIT_CONFIG",
          "GIT_CONFIG_PARAMETERS",
          "GIT_CONFIG_COUNT",
          "GIT_CONFIG_SYSTEM",
          "GIT_EXEC_PATH",
          "GIT_TEMPLATE_DIR",
          "GIT_DIR",
          "GIT_WORK_TREE",
          "GIT_INDEX_FILE",
          "GIT_OBJECT_DIRECTORY",
          "GIT_ALTERNATE_OBJECT_DIRECTORIES",
          "GIT_COMMON_DIR",
          "GIT_NAMESPACE",
          "GIT_TRACE",
          "GIT_TRACE_PACKET",
          "GIT_TRACE_CURL",
          "GIT_TRACE2",
          "GIT_TRACE2_EVENT",
          "GIT_TRACE2_PERF",
          "GIT_CURL_VERBOSE");

  private PushEnvironment() {}

  /** {@code host} made safe to push with; see the class comment. */
  public static Map<String, String> of(Map<String, String> host) {
    Map<String, String> clean = new HashMap<>(host);
    clean.keySet().removeAll(REMOVED);
    clean.keySet().removeIf(name -> name.startsWith("GIT_CONFIG_KEY_"));
    clean.keySet().removeIf(name -> name.startsWith("GIT_CONFIG_VALUE_"));
    clean.put("GIT_TERMINAL_PROMPT", "0");
    clean.putAll(GitEnvironment.hardened(clean, Map.of()));
    return clean;
  }
}
