package io.jenkins.plugins.parallelagents.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for as long as one program needs it (a demo, a test): {@code initdb} into a
 * folder of its own with trust authentication for local connections, started on a free loopback
 * port with its socket in that folder, stopped and deleted by {@link #close()}. Made from the
 * PostgreSQL programs installed on the machine (the Debian packages' {@code
 * /usr/lib/postgresql/<version>/bin}). PostgreSQL refuses to run as root: as root, its programs run
 * as the {@code postgres} user the packages create.
 */
public final class ThrowawayServer implements AutoCloseable {

  /** The superuser of the new server; trust authentication takes any password. */
  public static final String USER = "postgres";

  private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path folder;
  private final int port;

  private ThrowawayServer(Path bin, Path folder, int port) {
    this.bin = bin;
    this.folder = folder;
    this.port = port;
  }

  /** The programs of the newest PostgreSQL installed, if any. */
  public static Path binaries() throws IOException {
    if (!Files.isDirectory(VERSIONS)) {
      return null;
    }
    try (Stream<Path> all = Files.list(VERSIONS)) {
      return all.map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Files.isExecutable(b.resolve("initdb"))
                      && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
          .orElse(null);
    }
  }

  /**
   * Makes and starts a server with the programs in {@code bin}.
   *
   * @throws IOException when a program fails, with its output and the server's log
   */
  public static ThrowawayServer start(Path bin) throws IOException, InterruptedException {
    // Readable by the server's user when it is not this one (as root).
    Path folder =
        Files.createTempDirectory(
            "pa-postgres",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path data = Files.createDirectory(folder.resolve("data"));
    Path socket = Files.createDirectory(folder.resolve("socket"));
    ThrowawayServer server = new ThrowawayServer(bin, folder, freePort());
    try {
      if (root()) {
        run(List.of("chown", USER, data.toString(), socket.toString()), folder);
      }
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
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.delete();
      throw e;
    }
    return server;
  }

  /** The URL of database {@code database}, as user {@link #USER} with {@code password}. */
  public String url(String password, String database) {
    return "postgresql://" + USER + ":" + password + "@127.0.0.1:" + port + "/" + database;
  }

  public int port() {
    return port;
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
      delete();
    }
  }

  private void delete() throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
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

  private static int version(String name) {
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
