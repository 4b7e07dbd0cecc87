package io.jenkins.plugins.parallelagents.plan;

import java.util.List;

/** Reads the plan's {@code cache} section, reporting each wrong path where it is written. */
final class CacheReader {

  private final Problems problems;

  CacheReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code null} mapping, or one with problems (reported): no cache. */
  CacheSettings read(Node.Mapping mapping) {
    if (mapping == null) {
      return null;
    }
    MappingReader in = new MappingReader(mapping, "cache", PlanKeys.CACHE, problems);
    List<Located<String>> key = list(in, mapping, "key", "the files whose contents name an entry");
    List<Located<String>> paths = list(in, mapping, "paths", "what setup makes that is reused");
    if (key == null || paths == null) {
      return null;
    }
    return new CacheSettings(
        key.stream().map(Located::value).toList(), paths.stream().map(Located::value).toList());
  }

  /** A non-empty list of paths inside the repository, or {@code null} when it is not (reported). */
  private List<Located<String>> list(
      MappingReader in, Node.Mapping mapping, String name, String what) {
    if (!in.has(name)) {
      problems.add(mapping.position(), "cache has no '" + name + "' (" + what + ")");
      return null;
    }
    List<Located<String>> items = in.textList(name);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      in.problem(name, "'" + name + "' is an empty list; name " + what);
      return null;
    }
    boolean valid = true;
    for (Located<String> item : items) {
      String why = CacheSettings.problem(item.value()).orElse(null);
      if (why != null) {
        problems.add(item.position(), "cache: '" + name + "' item '" + item.value() + "' " + why);
        valid = false;
      }
    }
    List<String> values = items.stream().map(Located::value).toList();
    for (int i = 0; valid && name.equals("paths") && i < items.size(); i++) {
      String why = CacheSettings.overlap(values, i).orElse(null);
      if (why != null) {
        Located<String> item = items.get(i);
        problems.add(item.position(), "cache: '" + name + "' item '" + item.value() + "' " + why);
        valid = false;
      }
    }
    return valid ? items : null;
  }
}
