package io.jenkins.plugins.parallelagents.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line as Main does, capturing what it prints. */
final class Cli {

  record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }

    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private Cli() {}

  static Result run(Host host, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine(host);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** For commands that start no process: the real environment cannot leak into anything. */
  static Result run(String... args) {
    return run(Host.current(), args);
  }

  /**
   * A host whose git sees no user or system configuration and whose cache is under {@code home}, so
   * runs neither depend on nor write to the machine's settings.
   */
  static Host isolatedHost(Path home, Path workingDirectory) throws IOException {
    return isolatedHost(home, workingDirectory, null);
  }

  /** The same, launched as bin/parallel-agents would from the checkout at {@code root}. */
  static Host isolatedHost(Path home, Path workingDirectory, Path root) throws IOException {
    Files.createDirectories(home);
    Path gitConfig = home.resolve(".gitconfig");
    if (!Files.exists(gitConfig)) {
      Files.writeString(gitConfig, "");
    }
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("HOME", home.toString());
    environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    environment.put("GIT_CONFIG_GLOBAL", gitConfig.toString());
    environment.put("GIT_CONFIG_NOSYSTEM", "1");
    environment.remove("GIT_DIR");
    environment.remove("GIT_WORK_TREE");
    return new Host(environment, root == null ? null : root.toString(), workingDirectory);
  }
}
