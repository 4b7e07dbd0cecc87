package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.report.TaskStatus;
import java.util.Objects;

/**
 * How a host saw a task end, apart from the task's hand-off: the only record of a task that was
 * aborted, or whose node, checkout or stash failed, before it could hand anything off.
 *
 * @param status how it ended
 * @param reason why, in the host's words
 */
public record TaskEnd(TaskStatus status, String reason) {

  public TaskEnd {
    Objects.requireNonNull(status);
    reason = reason == null || reason.isBlank() ? "it ended " + status : reason;
  }
}
