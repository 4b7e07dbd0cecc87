package io.jenkins.plugins.parallelagents.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary folders outside {@code /tmp}: under the module's {@code target/}, or {@code /var/tmp}
 * when the checkout itself is under {@code /tmp} (as a CI clone may be). The sandbox gives agents a
 * private {@code /tmp}, so only outside it does a write meet the read-only disk.
 */
public final class OutsideTmp implements TempDirFactory {

  @Override
  public Path createTempDirectory(
      AnnotatedElementContext elementContext, ExtensionContext extensionContext) throws Exception {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path parent =
        Stream.of(
                module.resolve("target").resolve("outside-tmp"),
                Path.of("/var/tmp", "parallel-agents-tests"),
                Path.of(System.getProperty("user.home"), ".cache", "parallel-agents-tests"))
            .filter(candidate -> !candidate.startsWith("/tmp"))
            .findFirst()
            .orElseThrow();
    return Files.createTempDirectory(Files.createDirectories(parent), "junit");
  }
}
