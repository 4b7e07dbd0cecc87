package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One subtask of the plan, with the plan's {@code defaults} already applied.
 *
 * @param agent name of the agent profile, or {@code null} when neither the task nor the defaults
 *     name one (a Jenkins block may then be the agent)
 * @param setup run in each fresh worktree before the agent, or {@code null}
 * @param verify run after the agent's work is committed; decides success and best-of-N, or {@code
 *     null}
 * @param label Jenkins node label for the task's stage, or {@code null}
 */
public record Task(
    String id,
    String title,
    boolean foundation,
    List<String> needs,
    String prompt,
    List<String> paths,
    String agent,
    Duration timeout,
    int attempts,
    CommandSpec setup,
    CommandSpec verify,
    String label) {

  /**
   * The most attempts a task may have. Each attempt is an agent with a worktree of its own; more
   * than a few cost more than they add.
   */
  public static final int MAX_ATTEMPTS = 10;

  public Task {
    Objects.requireNonNull(id);
    title = title == null || title.isBlank() ? id : title;
    needs = List.copyOf(needs);
    paths = List.copyOf(paths);
    Objects.requireNonNull(prompt);
    Objects.requireNonNull(timeout);
    if (attempts < 1 || attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("attempts must be from 1 to " + MAX_ATTEMPTS);
    }
  }
}
