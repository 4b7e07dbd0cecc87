package io.jenkins.plugins.parallelagents.process;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a logged command's lines go through before anyone sees them (e.g. secret masking).
 *
 * @param line applied to a line within the line limit
 * @param cutLine applied to a line cut at the limit, given its start and some bytes past the cut;
 *     it should also mask an end that may be the start of a secret
 */
record LineFilters(UnaryOperator<String> line, UnaryOperator<String> cutLine) {

  LineFilters {
    Objects.requireNonNull(line);
    Objects.requireNonNull(cutLine);
  }
}
