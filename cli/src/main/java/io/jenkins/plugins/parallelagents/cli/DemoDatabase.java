package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.database.DatabaseUrl;
import io.jenkins.plugins.parallelagents.database.ThrowawayServer;
import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.Plan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL server the demo's tasks get their databases on: the one the user names, else one
 * made from the machine's PostgreSQL for the demo's duration, else none, and the demo runs without
 * databases. The example plan takes the server's URL from {@value #VARIABLE}.
 */
final class DemoDatabase implements AutoCloseable {

  /** The variable the example plan's {@code environment.database.url} names. */
  static final String VARIABLE = "DEMO_DATABASE_URL";

  private final String url;
  private final ThrowawayServer server;
  private final String said;

  private DemoDatabase(String url, ThrowawayServer server, String said) {
    this.url = url;
    this.server = server;
    this.said = said;
  }

  /**
   * The server for the demo.
   *
   * @param given the {@code --database-url} option, or {@code null}
   */
  static DemoDatabase choose(String given, Map<String, String> environment) {
    String url = given != null ? given : environment.get(VARIABLE);
    if (url != null && !url.isBlank()) {
      String shown;
      try {
        shown = DatabaseUrl.parse(url).toString();
      } catch (IllegalArgumentException e) {
        shown = "the server given";
      }
      return new DemoDatabase(url, null, "Databases:  one per task on " + shown);
    }
    if (!onPath("psql", environment.get("PATH"))) {
      return none("psql is not installed, and the example's test.sh migrates with it");
    }
    try {
      Path bin = ThrowawayServer.binaries();
      if (bin == null) {
        return none(
            "no PostgreSQL installed (/usr/lib/postgresql/*/bin); give --database-url or set "
                + VARIABLE);
      }
      ThrowawayServer server = ThrowawayServer.start(bin);
      return new DemoDatabase(
          "postgresql://" + ThrowawayServer.USER + "@127.0.0.1:" + server.port() + "/postgres",
          server,
          "Databases:  one per task on a PostgreSQL server made for the demo, port "
              + server.port());
    } catch (IOException e) {
      return none("PostgreSQL could not be started: " + firstLine(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return none("interrupted while PostgreSQL was starting");
    }
  }

  private static DemoDatabase none(String why) {
    return new DemoDatabase(null, null, "Databases:  none, " + why);
  }

  /** One line for the user: which server, or why none. */
  String said() {
    return said;
  }

  /** The plan to run: without its database section when there is no server. */
  Plan plan(Plan plan) {
    if (url != null || plan.environment().database() == null) {
      return plan;
    }
    EnvironmentSettings environment = plan.environment();
    return plan.withEnvironment(
        new EnvironmentSettings(environment.ports(), null, environment.carry()));
  }

  /** The run's environment, with the server's URL where the plan takes it from. */
  Map<String, String> environment(Map<String, String> environment) {
    if (url == null) {
      return environment;
    }
    Map<String, String> with = new HashMap<>(environment);
    with.put(VARIABLE, url);
    return with;
  }

  /** Stops and deletes the server made for the demo, with its databases. */
  @Override
  public void close() throws IOException {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean onPath(String program, String path) {
    if (path == null) {
      return false;
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
