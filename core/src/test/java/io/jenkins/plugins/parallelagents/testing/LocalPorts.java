package io.jenkins.plugins.parallelagents.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;

/** Ports of this machine that tests can count on being free when they start. */
public final class LocalPorts {

  private LocalPorts() {}

  /** A base whose next {@code count} ports are free now, away from the usual development ports. */
  public static int freeRange(int count) {
    for (int base = 41000; base < 60000; base += 100) {
      int b = base;
      if (IntStream.range(0, count).allMatch(i -> canListen(b + i))) {
        return base;
      }
    }
    throw new IllegalStateException("no free ports on this machine");
  }

  private static boolean canListen(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
