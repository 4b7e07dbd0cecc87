package io.jenkins.plugins.parallelagents.carry;

import java.util.List;

/**
 * What carrying into one tree did.
 *
 * @param carried the paths copied into the tree, relative to its top, in name order; never content
 * @param refused what was not carried, one line each: the path or pattern and why
 */
public record CarryOutcome(List<String> carried, List<String> refused) {

  public static final CarryOutcome NONE = new CarryOutcome(List.of(), List.of());

  public CarryOutcome {
    carried = List.copyOf(carried);
    refused = List.copyOf(refused);
  }
}
