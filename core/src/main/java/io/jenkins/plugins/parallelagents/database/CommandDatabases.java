package io.jenkins.plugins.parallelagents.database;

import io.jenkins.plugins.parallelagents.plan.CommandSpec;
import io.jenkins.plugins.parallelagents.plan.DatabaseCommands;
import io.jenkins.plugins.parallelagents.plan.DatabaseSettings;
import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases of an engine the run drives through the plan's commands ({@code create}, {@code
 * createEmpty}, {@code drop}), run in the repository's top folder with {@code {name}} and {@code
 * {template}} replaced. Each database's commands append their output to {@code <name>.log} in the
 * run's {@code databases} folder.
 */
public final class CommandDatabases implements DatabaseMaker {

  /**
   * What a database name may be made of. {@link DatabaseNames} makes no other, and the names are
   * put into shell lines unquoted: anything else would be shell syntax.
   */
  private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9_]+");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(name|template)\\}");

  /** {@code scheme://user:password@}: the user information a report masks. */
  private static final Pattern USER_INFO =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/@]*)@");

  private static final int LAST_LINES = 5;

  private final CommandSpec create;
  private final CommandSpec createEmpty;
  private final CommandSpec drop;
  private final String url;
  private final Path directory;
  private final CommandRunner runner;
  private final Path logs;
  private final DatabaseLedger ledger;

  private CommandDatabases(
      CommandSpec create,
      CommandSpec createEmpty,
      CommandSpec drop,
      String url,
      Path directory,
      CommandRunner runner,
      Path logs,
      DatabaseLedger ledger) {
    this.create = create;
    this.createEmpty = createEmpty;
    this.drop = Objects.requireNonNull(drop);
    this.url = url;
    this.directory = Objects.requireNonNull(directory);
    this.runner = Objects.requireNonNull(runner);
    this.logs = logs;
    this.ledger = ledger;
  }

  /**
   * The databases of a run whose plan gives {@code settings.commands()}.
   *
   * @param directory where the commands run: the repository's top folder
   * @param logs the folder of the commands' logs, one per database
   * @param ledger the run's ledger, which tells which databases the run made
   */
  public static CommandDatabases of(
      DatabaseSettings settings,
      Path directory,
      CommandRunner runner,
      Path logs,
      DatabaseLedger ledger) {
    return new CommandDatabases(
        settings.commands().create(),
        settings.commands().createEmpty(),
        settings.commands().drop(),
        settings.url(),
        directory,
        runner,
        logs,
        ledger);
  }

  /** Only drops, as a clean does with what the ledger kept; its output goes to no log. */
  static CommandDatabases dropping(CommandSpec drop, Path directory, CommandRunner runner) {
    return new CommandDatabases(null, null, drop, null, directory, runner, null, null);
  }

  /** The password in {@code url}'s user information, or {@code null}: masked in every output. */
  public static String password(String url) {
    Matcher m = USER_INFO.matcher(url.strip());
    if (!m.find() || m.group(2).indexOf(':') < 0) {
      return null;
    }
    String password = m.group(2).substring(m.group(2).indexOf(':') + 1);
    try {
      return URLDecoder.decode(password.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return password;
    }
  }

  @Override
  public void check() throws DatabaseException {
    if (!Files.isDirectory(directory)) {
      throw new DatabaseException("cannot run the database commands in " + directory + ": gone");
    }
  }

  /** Drops {@code name} first, so that {@code create} never finds an earlier one in its way. */
  @Override
  public void create(String name, String template) throws DatabaseException {
    drop(name);
    if (template == null) {
      run("createEmpty", createEmpty, name, Map.of("name", name));
    } else {
      run("create", create, name, Map.of("name", name, "template", template));
    }
  }

  @Override
  public void drop(String name) throws DatabaseException {
    run("drop", drop, name, Map.of("name", name));
  }

  /** The engine is not asked: a database exists when the run recorded it in its ledger. */
  @Override
  public boolean exists(String name) throws DatabaseException {
    return ledger != null && ledger.read().map(e -> e.databases().contains(name)).orElse(false);
  }

  @Override
  public Map<String, String> variables(String name) {
    return Map.of(DatabaseSettings.URL_VARIABLE, url(name));
  }

  @Override
  public String shown(String name) {
    return USER_INFO.matcher(url(name)).replaceFirst("$1****@");
  }

  @Override
  public DatabaseLedger.Dropper dropper() {
    return new DatabaseLedger.Dropper(null, drop, directory.toString());
  }

  private String url(String name) {
    return url.replace(DatabaseCommands.NAME, name);
  }

  private void run(String key, CommandSpec command, String name, Map<String, String> values)
      throws DatabaseException {
    for (String value : values.values()) {
      if (!SAFE_NAME.matcher(value).matches()) {
        throw new DatabaseException(
            "refused to run environment.database."
                + key
                + " for '"
                + value
                + "': a database name is made of lowercase letters, digits and _ only");
      }
    }
    check();
    Path log = logs == null ? null : logs.resolve(name + ".log");
    try {
      if (log != null) {
        Files.createDirectories(logs);
      }
    } catch (IOException e) {
      throw new DatabaseException("cannot write " + log + ": " + e.getMessage());
    }
    Deque<String> last = new ArrayDeque<>();
    CommandResult result =
        runner.run(
            CommandRequest.logged(
                directory, argv(command, values), Map.of(), null, log, line -> keep(last, line)));
    if (!result.ok()) {
      // The command itself is not repeated: its line may hold a password.
      String what = "environment.database." + key + " for " + name;
      List<String> lines;
      synchronized (last) {
        lines = new ArrayList<>(last);
      }
      throw new DatabaseException(
          result.describeFailure(what)
              + (lines.isEmpty() ? "" : "; its last lines: " + String.join(" | ", lines)));
    }
  }

  private static void keep(Deque<String> last, String line) {
    synchronized (last) {
      if (last.size() == LAST_LINES) {
        last.removeFirst();
      }
      last.addLast(line);
    }
  }

  /** A shell line runs with {@code sh -c}; an argument list as-is. Both get the names put in. */
  static List<String> argv(CommandSpec command, Map<String, String> values) {
    if (command.isShell()) {
      return List.of("sh", "-c", substitute(command.shell(), values));
    }
    return command.argv().stream().map(arg -> substitute(arg, values)).toList();
  }

  // One pass: a value is never searched for placeholders again.
  private static String substitute(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder result = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(result, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(result);
    return result.toString();
  }
}
