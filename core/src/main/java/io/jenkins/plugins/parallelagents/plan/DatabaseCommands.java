package io.jenkins.plugins.parallelagents.plan;

import java.util.List;
import java.util.Objects;

/**
 * The commands through which the run makes and drops its databases on an engine other than
 * PostgreSQL: any command line, with {@value #NAME} for the database to make or drop and {@value
 * #TEMPLATE} for the one {@link #create} copies.
 *
 * @param create makes {@code {name}} as a copy of {@code {template}}
 * @param createEmpty makes {@code {name}}, empty: the foundation's database, before it is migrated
 * @param drop drops {@code {name}}; must succeed when it does not exist
 */
public record DatabaseCommands(CommandSpec create, CommandSpec createEmpty, CommandSpec drop) {

  /** Replaced by the database to make or drop. */
  public static final String NAME = "{name}";

  /** Replaced, in {@link #create} only, by the database to copy. */
  public static final String TEMPLATE = "{template}";

  public DatabaseCommands {
    Objects.requireNonNull(create);
    Objects.requireNonNull(createEmpty);
    Objects.requireNonNull(drop);
  }

  /** Whether {@code command} holds {@code placeholder}, in its line or in one of its arguments. */
  public static boolean holds(CommandSpec command, String placeholder) {
    List<String> parts = command.isShell() ? List.of(command.shell()) : command.argv();
    return parts.stream().anyMatch(part -> part.contains(placeholder));
  }

  @Override
  public String toString() {
    // A command line may hold a password (mysql -pSecret): only its kind is shown.
    return "DatabaseCommands[create, createEmpty, drop]";
  }
}
