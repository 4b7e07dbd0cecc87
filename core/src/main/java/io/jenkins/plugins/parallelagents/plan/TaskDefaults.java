package io.jenkins.plugins.parallelagents.plan;

import java.time.Duration;
import java.util.List;

/**
 * The plan's {@code defaults} section merged over the built-in defaults. A field is {@code null}
 * when the plan sets none (or set it wrongly, which is already reported).
 *
 * @param agent with where {@code defaults} named it, so that an unknown profile is reported there
 *     once rather than once per task
 * @param sandbox whether {@code defaults} puts every agent profile in the sandbox
 */
record TaskDefaults(
    Located<String> agent,
    Duration timeout,
    Integer attempts,
    CommandSpec setup,
    CommandSpec verify,
    List<String> paths,
    String label,
    boolean sandbox) {

  static final Duration TIMEOUT = Duration.ofMinutes(30);

  static final TaskDefaults BUILT_IN =
      new TaskDefaults(null, TIMEOUT, 1, null, null, List.of(), null, false);
}
