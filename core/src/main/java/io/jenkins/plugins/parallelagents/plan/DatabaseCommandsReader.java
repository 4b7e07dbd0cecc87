package io.jenkins.plugins.parallelagents.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the commands form of {@code environment.database}: {@code create}, {@code createEmpty} and
 * {@code drop}, all three, each holding the placeholders it needs and no other.
 */
final class DatabaseCommandsReader {

  private final MappingReader in;
  private final Problems problems;

  DatabaseCommandsReader(MappingReader in, Problems problems) {
    this.in = in;
    this.problems = problems;
  }

  /** The three commands, or {@code null} when one is missing or wrong (each is reported). */
  DatabaseCommands commands() {
    List<String> missing = new ArrayList<>();
    for (String key : PlanKeys.DATABASE_COMMANDS) {
      if (!in.has(key)) {
        missing.add("'" + key + "'");
      }
    }
    if (!missing.isEmpty()) {
      problems.add(
          in.position(),
          "environment.database has "
              + "no "
              + String.join(", ", missing)
              + ": an engine other than PostgreSQL needs all of 'create', 'createEmpty' and 'drop'");
    }
    CommandSpec create = command("create", true);
    CommandSpec createEmpty = command("createEmpty", false);
    CommandSpec drop = command("drop", false);
    if (create == null || createEmpty == null || drop == null) {
      return null;
    }
    return new DatabaseCommands(create, createEmpty, drop);
  }

  /** {@code url} when it holds {@code {name}} and no {@code {template}}, else {@code null}. */
  Located<String> url(Located<String> url) {
    if (url == null) {
      return null;
    }
    if (!url.value().contains(DatabaseCommands.NAME)) {
      in.problem(
          "url",
          "'url' holds no {name}: with 'create', 'createEmpty' and 'drop' it is the URL of each"
              + " database, e.g. mysql://root@127.0.0.1:3306/{name}");
      return null;
    }
    if (url.value().contains(DatabaseCommands.TEMPLATE)) {
      in.problem("url", "'url' holds {template}, which only 'create' has");
      return null;
    }
    return url;
  }

  private CommandSpec command(String key, boolean copies) {
    CommandSpec command = in.command(key);
    if (command == null) {
      return null;
    }
    if (!DatabaseCommands.holds(command, DatabaseCommands.NAME)) {
      in.problem(key, "'" + key + "' holds no {name}, the database it is about");
      return null;
    }
    boolean template = DatabaseCommands.holds(command, DatabaseCommands.TEMPLATE);
    if (copies && !template) {
      in.problem(key, "'create' holds no {template}, the database it copies");
      return null;
    }
    if (!copies && template) {
      in.problem(key, "'" + key + "' holds {template}, which only 'create' has");
      return null;
    }
    return command;
  }
}
