package io.jenkins.plugins.parallelagents.push;

import java.util.List;
import java.util.Locale;

/**
 * The URL to publish to: the one the job's SCM configuration gives the plan's {@code
 * publish.remote}. A workspace's {@code remote.<name>.url} is never read: any command that ran in
 * the workspace could have rewritten it.
 */
public final class PushUrl {

  private PushUrl() {}

  /**
   * @param configured the remotes of the job's SCM configuration, in its order
   * @param remote the plan's {@code publish.remote}
   * @throws PushException when the configuration has no such remote, or its URL would run a command
   *     instead of reaching a repository
   */
  public static String select(List<PushRemote> configured, String remote) throws PushException {
    if (configured.isEmpty()) {
      throw new PushException(
          "the job has no git SCM configuration to publish to: the plan's publish.remote '"
              + remote
              + "' is looked up in the job's SCM, never in the workspace");
    }
    for (PushRemote candidate : configured) {
      if (candidate.name().equals(remote)) {
        return checked(candidate);
      }
    }
    throw new PushException(
        "the job's SCM configuration has no remote '"
            + remote
            + "' (the plan's publish.remote); it has "
            + String.join(", ", configured.stream().map(PushRemote::name).toList()));
  }

  private static String checked(PushRemote remote) throws PushException {
    String url = remote.url() == null ? "" : remote.url().strip();
    String lower = url.toLowerCase(Locale.ROOT);
    // ext:: runs a command and fd:: talks to an inherited descriptor; a leading dash is an option.
    if (url.isEmpty()
        || url.startsWith("-")
        || lower.startsWith("ext::")
        || lower.startsWith("fd::")) {
      throw new PushException(
          "the remote '"
              + remote.name()
              + "' of the job's SCM configuration has no URL to push to");
    }
    return url;
  }
}
