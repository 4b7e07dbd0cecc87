package io.jenkins.plugins.parallelagents.carry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The git blob id of each carried file's content, so that the file is known in a commit under any
 * name. A file under {@value #MIN_BYTES} bytes is left out: a version number or a flag of a few
 * bytes is the content of many files that are no copy, and holds no secret worth the failed task.
 *
 * @param paths the carried path of each blob id
 */
record CarriedContents(Map<String, String> paths) {

  static final int MIN_BYTES = 16;

  CarriedContents {
    paths = Map.copyOf(paths);
  }

  /** Reads the carried files of {@code tree} as they are now. */
  static CarriedContents of(Path tree, List<String> carried) throws IOException {
    Map<String, String> paths = new LinkedHashMap<>();
    ObjectInserter.Formatter formatter = new ObjectInserter.Formatter();
    for (String path : carried) {
      Path file = tree.resolve(path);
      long size = Files.size(file);
      if (size < MIN_BYTES) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        paths.putIfAbsent(formatter.idFor(Constants.OBJ_BLOB, size, in).name(), path);
      }
    }
    return new CarriedContents(paths);
  }

  /** What {@link #toRecord()} wrote, or none when there is no such file. */
  static CarriedContents read(Path record) {
    if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)) {
      return new CarriedContents(Map.of());
    }
    Map<String, String> paths = new LinkedHashMap<>();
    try {
      for (String entry : Files.readString(record, StandardCharsets.UTF_8).split("\0")) {
        int space = entry.indexOf(' ');
        if (space > 0) {
          paths.put(entry.substring(0, space), entry.substring(space + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + record, e);
    }
    return new CarriedContents(paths);
  }

  /** One {@code <id> <path>} entry each, NUL-terminated: a path may hold a line break. */
  String toRecord() {
    StringBuilder text = new StringBuilder();
    paths.forEach((id, path) -> text.append(id).append(' ').append(path).append('\0'));
    return text.toString();
  }

  boolean isEmpty() {
    return paths.isEmpty();
  }

  /** The carried path whose content has blob id {@code id}. */
  Optional<String> pathOf(String id) {
    return Optional.ofNullable(paths.get(id));
  }
}
