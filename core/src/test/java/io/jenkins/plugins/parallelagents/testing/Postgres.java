package io.jenkins.plugins.parallelagents.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for tests: {@code initdb} into a temporary folder with trust
 * authentication, started on a free loopback port with its socket in that folder, stopped and
 * deleted by {@link #close()}. PostgreSQL refuses to run as root: as root, its programs run as the
 * {@code postgres} user. The tests skip where PostgreSQL is not installed, unless {@code
 * PARALLEL_AGENTS_REQUIRE_POSTGRES=1} (CI), where they fail instead.
 */
public final class Postgres implements AutoCloseable {

  /** Trust authentication takes any password: tests can still check where it leaks. */
  public static final String USER = "postgres";

  private final Path bin;
  private final Path folder;
  private final int port;

  private Postgres(Path bin, Path folder, int port) {
    this.bin = bin;
    this.folder = folder;
    this.port = port;
  }

  /** Starts a server, or skips the test (fails it in CI) when PostgreSQL is missing. */
  public static Postgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    if (bin == null) {
      String missing = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)";
      if ("1".equals(System.getenv("PARALLEL_AGENTS_REQUIRE_POSTGRES"))) {
        throw new AssertionError(missing + ", and PARALLEL_AGENTS_REQUIRE_POSTGRES=1");
      }
      Assumptions.abort(missing);
    }
    Path folder =
        Files.createTempDirectory(
            "pa-postgres",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path data = Files.createDirectory(folder.resolve("data"));
    Path socket = Files.createDirectory(folder.resolve("socket"));
    if (root()) {
      run(List.of("chown", USER, data.toString(), socket.toString()), folder);
    }
    Postgres server = new Postgres(bin, folder, freePort());
    server.asServerUser(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-A",
            "trust",
            "-U",
            USER,
            "-E",
            "UTF8",
            "--no-sync"));
    server.asServerUser(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            socket.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-F -h 127.0.0.1 -p " + server.port + " -k " + socket,
            "start"));
    return server;
  }

  /** The URL of database {@code database}, with {@code password} in it. */
  public String url(String password, String database) {
    return "postgresql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  /** The server's databases whose names start with {@code prefix}. */
  public List<String> databases(String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database ORDER BY 1")) {
      while (rows.next()) {
        if (rows.getString(1).startsWith(prefix)) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }

  /** The first column of the first row of {@code sql} in {@code database}. */
  public String query(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** Runs {@code sql} in {@code database}. */
  public void execute(String database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      asServerUser(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              folder.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"));
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private void asServerUser(List<String> command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    if (root()) {
      argv.addAll(List.of("runuser", "-u", USER, "--"));
    }
    argv.addAll(command);
    run(argv, folder);
  }

  private static void run(List<String> argv, Path directory)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("pa-postgres", ".log");
    try {
      Process process =
          new ProcessBuilder(argv)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", argv) + " did not end in 120 s");
      }
      if (process.exitValue() != 0) {
        String log = Files.readString(output, StandardCharsets.UTF_8);
        Path serverLog = directory.resolve("socket").resolve("server.log");
        if (Files.isReadable(serverLog)) {
          log += Files.readString(serverLog, StandardCharsets.UTF_8);
        }
        throw new IOException(String.join(" ", argv) + " failed:\n" + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** The newest version's programs of the Debian packages. */
  private static Path binaries() throws IOException {
    Path versions = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(versions)) {
      return null;
    }
    try (Stream<Path> all = Files.list(versions)) {
      return all.map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Files.isExecutable(b.resolve("initdb"))
                      && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
          .orElse(null);
    }
  }

  private static int version(String name) {
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
