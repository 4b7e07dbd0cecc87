package io.jenkins.plugins.parallelagents.testing;

import io.jenkins.plugins.parallelagents.process.StepLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link StepLauncher} that really launches, with each command behind a prefix, as a container's
 * launcher puts {@code docker exec ...} before it; e.g. {@code env IN_CONTAINER=yes}. Records what
 * it was asked to launch.
 */
public final class PrefixingLauncher implements StepLauncher {

  private final List<String> prefix;
  private final List<List<String>> launched = new CopyOnWriteArrayList<>();

  public PrefixingLauncher(List<String> prefix) {
    this.prefix = List.copyOf(prefix);
  }

  /** Each command it launched, as asked, without the prefix. */
  public List<List<String>> launched() {
    return List.copyOf(launched);
  }

  @Override
  public Launched launch(
      List<String> argv, Path directory, Map<String, String> environment, OutputStream output)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(argv);
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    launched.add(List.copyOf(argv));
    process.getOutputStream().close();
    Thread copier = new Thread(() -> copy(process.getInputStream(), output));
    copier.start();
    return new Launched() {
      @Override
      public int join() throws InterruptedException {
        int exit = process.waitFor();
        copier.join();
        return exit;
      }

      @Override
      public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    };
  }

  private static void copy(InputStream in, OutputStream out) {
    try (in) {
      in.transferTo(out);
    } catch (IOException e) {
      // the stream ends when the process is killed
    }
  }
}
