package io.jenkins.plugins.parallelagents.git;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A second JVM for {@link RepositoryLockTest}. {@code hold FILE}: takes the lock, prints {@code
 * held}, and keeps it until killed. {@code probe FILE}: prints {@code free} when this process could
 * take the file's lock now, else {@code taken}.
 */
public final class LockHolderMain {

  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    if (args[0].equals("hold")) {
      RepositoryLock.Held held = new RepositoryLock(file).acquire();
      System.out.println("held");
      System.out.flush();
      // Until killed: the lock must outlive nothing but this process.
      Thread.sleep(Long.MAX_VALUE);
      held.close();
    } else {
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock lock = channel.tryLock();
        System.out.println(lock == null ? "taken" : "free");
      }
    }
  }
}
