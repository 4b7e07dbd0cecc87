package io.jenkins.plugins.parallelagents.plan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a plan file (YAML, or JSON by its {@code .json} ending) and validates every rule at once.
 */
public final class PlanParser {

  /** Reads and validates {@code file}; messages name it as given. */
  public Plan parse(Path file) throws IOException, InvalidPlanException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Validates plan text; {@code fileName} names it in messages and decides the format ({@code
   * .json} is JSON, anything else YAML).
   */
  public Plan parse(String content, String fileName) throws InvalidPlanException {
    throw new UnsupportedOperationException("not yet");
  }
}
