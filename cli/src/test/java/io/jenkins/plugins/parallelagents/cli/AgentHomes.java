package io.jenkins.plugins.parallelagents.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary folders outside {@code /tmp} for the real agent CLIs: Codex refuses to set up its
 * sandbox helper under a CODEX_HOME in {@code /tmp}, and then runs no command at all.
 */
public final class AgentHomes implements TempDirFactory {

  @Override
  public Path createTempDirectory(
      AnnotatedElementContext elementContext, ExtensionContext extensionContext) throws Exception {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path parent =
        Stream.of(
                module.resolve("target").resolve("agent-homes"),
                Path.of("/var/tmp", "parallel-agents-tests"))
            .filter(candidate -> !candidate.startsWith("/tmp"))
            .findFirst()
            .orElseThrow();
    return Files.createTempDirectory(Files.createDirectories(parent), "junit");
  }
}
