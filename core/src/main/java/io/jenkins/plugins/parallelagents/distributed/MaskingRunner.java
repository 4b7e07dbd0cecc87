package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.process.CommandRequest;
import io.jenkins.plugins.parallelagents.process.CommandResult;
import io.jenkins.plugins.parallelagents.process.CommandRunner;
import io.jenkins.plugins.parallelagents.secrets.PrivateFiles;
import io.jenkins.plugins.parallelagents.secrets.Redactor;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The host's runner with the run's secrets masked in the output of every logged command, before it
 * reaches the step's log file or the host. A node's steps get secrets the host's runner knows
 * nothing of (the database's password, taken from the node's environment): the host cannot mask
 * them, so the node does. Git's captured output goes through as it is.
 */
final class MaskingRunner implements CommandRunner {

  private final CommandRunner runner;
  private final Redactor redactor;

  MaskingRunner(CommandRunner runner, Redactor redactor) {
    this.runner = runner;
    this.redactor = redactor;
  }

  @Override
  public CommandResult run(CommandRequest request) {
    if (request.capture() || request.log() == null && request.lines() == null) {
      return runner.run(request);
    }
    try (MaskedLog log = MaskedLog.open(request.log())) {
      Consumer<String> host = request.lines();
      Consumer<String> masked =
          line -> {
            String shown = redactor.redact(line);
            log.append(shown);
            if (host != null) {
              host.accept(shown);
            }
          };
      return runner.run(
          new CommandRequest(
              request.argv(),
              request.directory(),
              request.environment(),
              request.timeout(),
              false,
              null,
              masked));
    }
  }

  @Override
  public void cancelAll() {
    runner.cancelAll();
  }

  @Override
  public boolean isCancelled() {
    return runner.isCancelled();
  }

  /** The step's log file, owner-only, written line by line; nothing when there is none. */
  private static final class MaskedLog implements AutoCloseable {

    private final BufferedWriter writer;
    private boolean broken;

    private MaskedLog(BufferedWriter writer) {
      this.writer = writer;
    }

    static MaskedLog open(Path file) {
      if (file == null) {
        return new MaskedLog(null);
      }
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
          PrivateFiles.create(file);
        }
        return new MaskedLog(
            Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
      } catch (IOException e) {
        return new MaskedLog(null); // the output still reaches the host
      }
    }

    synchronized void append(String line) {
      if (writer == null || broken) {
        return;
      }
      try {
        writer.write(line);
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        broken = true;
      }
    }

    @Override
    public synchronized void close() {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException ignored) {
          // nothing more to write
        }
      }
    }
  }
}
