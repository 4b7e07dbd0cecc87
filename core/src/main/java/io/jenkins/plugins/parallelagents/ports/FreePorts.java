package io.jenkins.plugins.parallelagents.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Whether a port of this machine is free to listen on: the check that also sees ports held by other
 * processes and other runs. It holds nothing afterwards, so it is a check of the moment.
 */
final class FreePorts {

  private FreePorts() {}

  /**
   * Binds the port on 127.0.0.1 and on the wildcard address, then closes both: a server listening
   * on either one (most listen on the wildcard, development servers often on 127.0.0.1) makes the
   * port taken.
   */
  static boolean isFree(int port) {
    return canBind(new InetSocketAddress(loopback(), port)) && canBind(new InetSocketAddress(port));
  }

  private static boolean canBind(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      // A port whose last connection lingers in TIME_WAIT is free for a server (which sets the
      // same option); a listening socket still refuses the bind.
      socket.setReuseAddress(true);
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 is a valid address", e);
    }
  }
}
