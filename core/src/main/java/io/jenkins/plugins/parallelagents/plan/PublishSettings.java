package io.jenkins.plugins.parallelagents.plan;

/**
 * The plan's {@code publish} section.
 *
 * @param remote remote to push the target branch to, or {@code null} for a local branch only
 * @param force whether the target is replaced whatever it holds, even work that neither the base
 *     contains nor an earlier run of the plan published
 */
public record PublishSettings(String remote, boolean force) {
  public static final PublishSettings LOCAL_ONLY = new PublishSettings(null, false);
}
