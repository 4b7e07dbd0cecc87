package io.jenkins.plugins.parallelagents.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.parallelagents.plan.PortSettings;
import io.jenkins.plugins.parallelagents.testing.LocalPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real sockets on this machine: each test picks a base whose ports are free when it starts. */
class PortAllocatorTest {

  @Test
  void aSlot_getsBasePlusSlot_whenThatPortIsFree() {
    int base = LocalPorts.freeRange(3);
    PortAllocator ports = new PortAllocator(settings(Map.of("PORT", base)));

    try (PortLease lease = ports.lease(2)) {
      assertThat(lease.ports()).containsExactly(Map.entry("PORT", base + 2));
      assertThat(lease.environment())
          .containsExactly(Map.entry("PORT", Integer.toString(base + 2)));
    }
  }

  @Test
  void aPortAnotherProcessListensOn_isSkipped() throws IOException {
    int base = LocalPorts.freeRange(3);
    PortAllocator ports = new PortAllocator(settings(Map.of("PORT", base)));

    try (ServerSocket someoneElse = new ServerSocket(base + 1);
        PortLease lease = ports.lease(1)) {
      assertThat(lease.ports().get("PORT")).isEqualTo(base + 2);
    }
  }

  @Test
  void aPortHeldOnLoopbackOnly_isSkippedToo() throws IOException {
    int base = LocalPorts.freeRange(3);
    PortAllocator ports = new PortAllocator(settings(Map.of("PORT", base)));

    try (ServerSocket someoneElse =
            new ServerSocket(base + 1, 50, InetAddress.getByName("127.0.0.1"));
        PortLease lease = ports.lease(1)) {
      assertThat(lease.ports().get("PORT")).isEqualTo(base + 2);
    }
  }

  @Test
  void twoOpenLeases_neverShareAPort_evenForOneSlot() {
    int base = LocalPorts.freeRange(4);
    Map<String, Integer> bases = new LinkedHashMap<>();
    bases.put("PORT", base);
    bases.put("API_PORT", base + 1);
    PortAllocator ports = new PortAllocator(settings(bases));

    try (PortLease first = ports.lease(0);
        PortLease second = ports.lease(0)) {
      assertThat(first.ports())
          .containsExactly(Map.entry("PORT", base), Map.entry("API_PORT", base + 1));
      assertThat(second.ports().values())
          .doesNotContainAnyElementsOf(first.ports().values())
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void aClosedLease_givesItsPortsBack() {
    int base = LocalPorts.freeRange(2);
    PortAllocator ports = new PortAllocator(settings(Map.of("PORT", base)));

    PortLease first = ports.lease(0);
    first.close();
    first.close();

    try (PortLease again = ports.lease(0)) {
      assertThat(again.ports().get("PORT")).isEqualTo(base);
    }
    assertThat(ports.held()).isEmpty();
  }

  @Test
  void everyPortTaken_isAClearFailure() throws IOException {
    try (ServerSocket last = new ServerSocket()) {
      last.setReuseAddress(true);
      try {
        last.bind(new InetSocketAddress(PortSettings.MAX_PORT));
      } catch (IOException e) {
        // Someone else on this machine holds it: taken either way, which is all this test needs.
      }
      PortAllocator ports = new PortAllocator(settings(Map.of("PORT", PortSettings.MAX_PORT)));

      assertThatThrownBy(() -> ports.lease(1))
          .isInstanceOf(NoFreePortException.class)
          .hasMessage(
              "no free port for PORT: every port from 65535 to 65535 is in use or handed to"
                  + " another step");
    }
  }

  @Test
  void noVariables_noLease() {
    assertThat(new PortAllocator(PortSettings.NONE).lease(3).ports()).isEmpty();
  }

  private static PortSettings settings(Map<String, Integer> bases) {
    return new PortSettings(bases);
  }
}
