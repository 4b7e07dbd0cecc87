package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A task's prompt and diff files on its node: readable by their owner only. */
final class TaskFiles {

  private TaskFiles() {}

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      PrivateFiles.write(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
