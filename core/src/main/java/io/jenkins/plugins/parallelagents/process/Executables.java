package io.jenkins.plugins.parallelagents.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way the shell would, to say "command not found" before starting it. */
public final class Executables {

  private Executables() {}

  /**
   * The executable {@code program} names: a path (relative to {@code directory}) when it holds a
   * slash, else the first match on {@code path}.
   */
  public static Optional<Path> find(String program, String path, Path directory) {
    if (program.contains("/")) {
      Path file = directory.resolve(program);
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
