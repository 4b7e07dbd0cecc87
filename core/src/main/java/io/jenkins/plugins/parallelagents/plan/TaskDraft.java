package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.List;

/**
 * One task as read from the file, defaults applied, with the positions the cross-task rules (ids,
 * needs, cycles, agents) report at. It becomes a {@link Task} only once the whole plan is free of
 * problems, which guarantees the required fields are set.
 *
 * @param position where the task's mapping starts
 * @param id {@code null} when missing or not text
 * @param needs the needs that were readable, each where it was written
 * @param ownAgent the task's own {@code agent}, {@code null} when it inherits the default
 * @param agent the profile the task uses after defaults, or {@code null}
 */
record TaskDraft(
    Position position,
    Located<String> id,
    String title,
    boolean foundation,
    List<Located<String>> needs,
    String prompt,
    List<String> paths,
    Located<String> ownAgent,
    String agent,
    Duration timeout,
    Integer attempts,
    CommandSpec setup,
    CommandSpec verify,
    String label) {

  TaskDraft {
    needs = List.copyOf(needs);
  }

  /** The id, or {@code null}. */
  String idText() {
    return id == null ? null : id.value();
  }

  Task toTask() {
    return new Task(
        id.value(),
        title,
        foundation,
        needs.stream().map(Located::value).toList(),
        prompt,
        paths,
        agent,
        timeout,
        attempts,
        setup,
        verify,
        label);
  }
}
