package io.jenkins.plugins.parallelagents.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary folders under the module's {@code target/} rather than {@code /tmp}: the sandbox gives
 * agents a private {@code /tmp}, so only outside it does a write meet the read-only disk.
 */
public final class OutsideTmp implements TempDirFactory {

  @Override
  public Path createTempDirectory(
      AnnotatedElementContext elementContext, ExtensionContext extensionContext) throws Exception {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path parent = Files.createDirectories(module.resolve("target").resolve("outside-tmp"));
    return Files.createTempDirectory(parent, "junit");
  }
}
