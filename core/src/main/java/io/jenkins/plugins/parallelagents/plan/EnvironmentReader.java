package io.jenkins.plugins.parallelagents.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the plan's {@code environment} section, reporting each wrong value where it is written. */
final class EnvironmentReader {

  private static final Set<String> SCHEMES = Set.of("postgresql", "postgres");

  private final Problems problems;

  EnvironmentReader(Problems problems) {
    this.problems = problems;
  }

  /** {@code null} mapping: no environment; problems are reported, and their part left out. */
  EnvironmentSettings read(Node.Mapping mapping) {
    if (mapping == null) {
      return EnvironmentSettings.NONE;
    }
    MappingReader in = new MappingReader(mapping, "environment", PlanKeys.ENVIRONMENT, problems);
    return new EnvironmentSettings(
        ports(in.mapping("ports")), database(in.mapping("database")), carry(in));
  }

  private CarrySettings carry(MappingReader in) {
    List<Located<String>> items = in.textList("carry");
    if (items == null) {
      return CarrySettings.NONE;
    }
    boolean valid = true;
    for (Located<String> item : items) {
      String why = CarrySettings.problem(item.value()).orElse(null);
      if (why != null) {
        problems.add(item.position(), "environment: 'carry' pattern '" + item.value() + "' " + why);
        valid = false;
      }
    }
    return valid
        ? new CarrySettings(items.stream().map(Located::value).toList())
        : CarrySettings.NONE;
  }

  private PortSettings ports(Node.Mapping mapping) {
    if (mapping == null) {
      return PortSettings.NONE;
    }
    // Any name may be a key here: the names are checked below, each at its own key.
    List<String> names = mapping.entries().stream().map(Node.Entry::key).toList();
    MappingReader in = new MappingReader(mapping, "environment.ports", names, problems);
    Map<String, Integer> bases = new LinkedHashMap<>();
    for (Node.Entry entry : mapping.entries()) {
      String name = entry.key();
      if (!in.has(name) || bases.containsKey(name)) {
        continue;
      }
      String why = PortSettings.nameProblem(name).orElse(null);
      if (why != null) {
        problems.add(entry.keyPosition(), "environment.ports: '" + name + "' " + why);
        continue;
      }
      Integer base = in.integer(name, PortSettings.MIN_PORT, PortSettings.MAX_PORT);
      if (base != null) {
        bases.put(name, base);
      }
    }
    return new PortSettings(bases);
  }

  private DatabaseSettings database(Node.Mapping mapping) {
    if (mapping == null) {
      return null;
    }
    MappingReader in =
        new MappingReader(mapping, "environment.database", PlanKeys.DATABASE, problems);
    if (!in.has("url")) {
      problems.add(mapping.position(), "environment.database has no 'url'");
    }
    Located<String> url = in.nonBlankText("url");
    boolean commandForm = PlanKeys.DATABASE_COMMANDS.stream().anyMatch(in::has);
    DatabaseCommands commands = null;
    if (commandForm) {
      DatabaseCommandsReader form = new DatabaseCommandsReader(in, problems);
      commands = form.commands();
      url = form.url(url);
    } else if (url != null && settingsOf(url.value()).urlVariable() != null) {
      // Checked where the run starts, once the variable has its value there.
    } else if (url != null && url.value().contains(DatabaseCommands.NAME)) {
      in.problem(
          "url",
          "'url' holds {name}, which only an engine driven through 'create', 'createEmpty' and"
              + " 'drop' fills in; add them, or give a PostgreSQL URL");
      url = null;
    } else if (url != null) {
      String why = urlProblem(url.value());
      if (why != null) {
        // The URL is not repeated: it may hold a password.
        in.problem(
            "url",
            "'url' is not a PostgreSQL URL like postgresql://user:password@host:5432/database: "
                + why);
        url = null;
      }
    }
    List<Located<String>> names = in.textList("variables");
    for (Located<String> name : names == null ? List.<Located<String>>of() : names) {
      if (!name.value().matches(SettingsReader.VARIABLE_NAME_PATTERN)) {
        problems.add(
            name.position(),
            "environment.database: 'variables' names '"
                + name.value()
                + "', which is not an environment variable name (letters, digits and _)");
      } else if (name.value().startsWith("AGENT_") || name.value().startsWith("PG")) {
        problems.add(
            name.position(),
            "environment.database: 'variables' names '"
                + name.value()
                + "', which the engine or PostgreSQL's tools already use");
      }
    }
    if (url == null || (commandForm && commands == null)) {
      return null;
    }
    return new DatabaseSettings(
        url.value(),
        names == null ? List.of() : names.stream().map(Located::value).toList(),
        commands);
  }

  private static DatabaseSettings settingsOf(String url) {
    return new DatabaseSettings(url, List.of());
  }

  /** Why {@code url} names no PostgreSQL database, or {@code null}. */
  static String urlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return "it is not a URL";
    }
    if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
      return "it must start with postgresql://";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "it names no host";
    }
    String path = uri.getPath();
    if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) {
      return "it names no database to connect to (…/database at its end)";
    }
    return null;
  }
}
