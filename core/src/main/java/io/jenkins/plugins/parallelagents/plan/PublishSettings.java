package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code publish} section.
 *
 * @param remote remote to push the target branch to, or {@code null} for a local branch only
 * @param force whether a target that moved may be overwritten
 */
public record PublishSettings(String remote, boolean force) {
  public static final PublishSettings LOCAL_ONLY = new PublishSettings(null, false);
}
