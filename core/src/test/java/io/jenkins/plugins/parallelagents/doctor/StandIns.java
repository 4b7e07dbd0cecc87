package io.jenkins.plugins.parallelagents.doctor;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PlanParser;
import io.jenkins.plugins.parallelagents.process.LocalCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder of small real programs standing in for git, bubblewrap and agent CLIs, and an
 * environment whose PATH holds only them and the few system programs they need; HOME is a folder of
 * the test's, so no sign-in of the machine's is seen.
 */
final class StandIns {

  private final Path bin;
  private final Path home;
  private final Map<String, String> environment = new HashMap<>();

  StandIns(Path dir) throws IOException {
    bin = Files.createDirectories(dir.resolve("bin"));
    home = Files.createDirectories(dir.resolve("home"));
    environment.put("PATH", bin.toString());
    environment.put("HOME", home.toString());
  }

  /** A program {@code name} running {@code script} with /bin/sh. */
  StandIns program(String name, String script) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return this;
  }

  /** The machine's own {@code name}, found on the test's PATH, started through a script. */
  StandIns real(String name) throws IOException {
    for (String dir : System.getenv("PATH").split(":")) {
      Path program = Path.of(dir, name);
      if (Files.isExecutable(program)) {
        return program(name, "exec '" + program + "' \"$@\"");
      }
    }
    throw new IllegalStateException(name + " is not installed here");
  }

  /**
   * A CLI answering {@code --version} with {@code version} and {@code --help} with {@code help}.
   */
  StandIns cli(String name, String version, String help) throws IOException {
    return program(
        name,
        "case \"$*\" in\n"
            + "  --version) printf '%s\\n' "
            + quoted(version)
            + " ;;\n"
            + "  *--help) printf '%s\\n' "
            + quoted(help)
            + " ;;\n"
            + "  *) exit 9 ;;\n"
            + "esac");
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  StandIns set(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  Path home() {
    return home;
  }

  Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /** What the doctor finds for the plan {@code yaml}, run from {@code directory}. */
  Diagnosis examine(String yaml, Path directory) throws Exception {
    Plan plan = new PlanParser().parse(yaml, "agents-plan.yaml");
    try (LocalCommandRunner runner = new LocalCommandRunner(environment())) {
      return new Doctor(runner, environment(), directory).examine(plan);
    }
  }

  /** A plan whose every task uses {@code profile}, with {@code command} as its command. */
  static String plan(String profile, String command, boolean sandbox) {
    return String.join(
        "\n",
        List.of(
            "version: 1",
            "name: doctor",
            "agents:",
            "  " + profile + ":",
            "    command: '" + command.replace("'", "''") + "'",
            "    sandbox: " + sandbox,
            "  unused:",
            "    command: 'never-installed --whatever'",
            "    sandbox: true",
            "defaults:",
            "  agent: " + profile,
            "tasks:",
            "  - id: one",
            "    prompt: Do one thing.",
            ""));
  }
}
