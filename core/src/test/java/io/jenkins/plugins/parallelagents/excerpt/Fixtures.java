package io.jenkins.plugins.parallelagents.excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Captured runner output under {@code src/test/resources/excerpt}, copied where a test wants it.
 */
final class Fixtures {

  private Fixtures() {}

  static Path copy(String name, Path to) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/excerpt/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      Files.createDirectories(to.getParent());
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
