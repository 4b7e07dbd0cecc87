package io.jenkins.plugins.parallelagents.report;

import java.util.List;

/**
 * A task that is not in the combined commit, and why: the merge train combines every task it can
 * and sets the others aside, as a merge queue removes what cannot land.
 *
 * @param files the files it conflicted in ({@link SetAsideCause#CONFLICT}), else empty
 * @param with the tasks it conflicted with, or broke the combined test together with (an {@link
 *     SetAsideCause#EJECTED} pair); for {@link SetAsideCause#NEEDS_SET_ASIDE}, the needs set aside
 * @param failingTests for an ejected task, the tests that failed with it in the combination
 * @param reason one line a user reads
 */
public record SetAside(
    String task,
    SetAsideCause cause,
    List<String> files,
    List<String> with,
    List<String> failingTests,
    String reason) {
  public SetAside {
    files = files == null ? List.of() : List.copyOf(files);
    with = with == null ? List.of() : List.copyOf(with);
    failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
  }
}
