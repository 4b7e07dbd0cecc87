package io.jenkins.plugins.parallelagents.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code merge.regenerate}: the plan's rules for files rebuilt rather than text-merged. */
final class RegenerateRulesReader {

  private final Problems problems;

  RegenerateRulesReader(Problems problems) {
    this.problems = problems;
  }

  /** The rules of the {@code merge} mapping {@code in}; those with a problem are left out. */
  List<RegenerateRule> rules(MappingReader in) {
    Node.Sequence list = in.sequence("regenerate");
    if (list == null) {
      return List.of();
    }
    List<RegenerateRule> rules = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Node item = list.items().get(i);
      String context = "merge: 'regenerate' item " + (i + 1);
      if (!(item instanceof Node.Mapping mapping)) {
        problems.add(
            item.position(),
            context
                + " must be a mapping with 'files' and 'command', not "
                + MappingReader.describe(item));
        continue;
      }
      RegenerateRule rule =
          rule(new MappingReader(mapping, context, PlanKeys.REGENERATE_RULE, problems), context);
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private RegenerateRule rule(MappingReader in, String context) {
    Located<String> files = in.nonBlankText("files");
    CommandSpec command = in.command("command");
    for (String key : PlanKeys.REGENERATE_RULE) {
      if (!in.has(key)) {
        problems.add(in.position(), context + " has no '" + key + "'");
      }
    }
    if (files != null) {
      Optional<String> problem = PathGlobs.problem(files.value());
      if (problem.isPresent()) {
        in.problem(
            "files", "'files' is '" + files.value() + "', which is not a glob: " + problem.get());
        return null;
      }
    }
    return files == null || command == null ? null : new RegenerateRule(files.value(), command);
  }
}
