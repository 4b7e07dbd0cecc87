package prefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import prefs.testing.Check;

/** The migrations in db/migrations are numbered V1, V2, ... without gaps, and none is empty. */
public final class MigrationsTest {

  private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

  public static void main(String[] args) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of("db", "migrations"))) {
      files = listing.sorted((a, b) -> version(a) - version(b)).toList();
    }
    Check.isTrue(!files.isEmpty(), "db/migrations has migrations");
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Check.equal(i + 1, version(file), "version of " + file.getFileName());
      String sql = Files.readString(file).strip();
      Check.isTrue(sql.endsWith(";"), file.getFileName() + " ends with a statement");
    }
    Check.done();
  }

  private static int version(Path file) {
    Matcher name = NAME.matcher(file.getFileName().toString());
    Check.isTrue(name.matches(), file.getFileName() + " is named V<n>__<what>.sql");
    return Integer.parseInt(name.group(1));
  }
}
