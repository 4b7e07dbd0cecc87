package io.jenkins.plugins.parallelagents.ports;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.PortSettings;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out the ports of one run. Each lease gets, for every variable, the first port from {@code
 * base + slot} up that no open lease of this allocator holds and that is free on this machine; so a
 * step's ports can be guessed from its slot, and two steps running at once never share one.
 *
 * <p>One allocator belongs to one run (or one node's task): several runs in one JVM each have their
 * own. They do not see each other's leases, only the ports already listened on: two runs with the
 * same bases may hand out one port twice when both steps start before either listens. Thread-safe.
 */
public final class PortAllocator {

  /** The slot of the combined test's runs: the bases themselves. */
  public static final int TEST_SLOT = 0;

  private final PortSettings settings;
  private final int stride;
  private final Set<Integer> held = new HashSet<>();

  /** An allocator that checks each candidate by binding it (see {@link FreePorts}). */
  public PortAllocator(PortSettings settings) {
    this(settings, 1);
  }

  private PortAllocator(PortSettings settings, int stride) {
    this.settings = settings;
    this.stride = stride;
  }

  /**
   * The allocator of a run of {@code plan}, or of one of its tasks on a node. A slot whose port is
   * taken tries its next one a whole round of slots further ({@code base + slot + k * slots}), so
   * that two allocators that do not see each other's leases (the tasks of one run on one CI node,
   * each prepared in a process of its own) still never pick the same port while those rounds last.
   */
  public static PortAllocator forPlan(Plan plan) {
    return new PortAllocator(plan.environment().ports(), PortSlots.count(plan));
  }

  /**
   * Leases one port per variable, each preferring {@code base + slot}.
   *
   * @throws NoFreePortException when every port from a variable's base up is taken
   */
  public synchronized PortLease lease(int slot) {
    if (settings.isEmpty()) {
      return PortLease.NONE;
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> variable : settings.bases().entrySet()) {
      int port = pick(variable.getKey(), variable.getValue(), slot, ports.values());
      ports.put(variable.getKey(), port);
    }
    held.addAll(ports.values());
    return new PortLease(ports, this);
  }

  /**
   * Leases the ports of every attempt of {@code task}, attempt 1 first, each preferring its {@link
   * PortSlots slot}; nothing stays leased when one cannot be had.
   *
   * @throws NoFreePortException when every port from a variable's base up is taken
   */
  public synchronized List<PortLease> leaseAttempts(Plan plan, Task task) {
    List<PortLease> leases = new ArrayList<>();
    try {
      for (int attempt = 1; attempt <= task.attempts(); attempt++) {
        leases.add(lease(PortSlots.of(plan, task.id(), attempt)));
      }
    } catch (NoFreePortException e) {
      leases.forEach(PortLease::close);
      throw e;
    }
    return List.copyOf(leases);
  }

  /** The ports that open leases hold now, for tests and reports. */
  public synchronized Set<Integer> held() {
    return Set.copyOf(held);
  }

  synchronized void release(Collection<Integer> ports) {
    held.removeAll(ports);
  }

  /**
   * The slot's own ports first ({@code base + slot}, then a round of slots further each time), then
   * every port from the preferred one up to the last and from the base up to it: a slot past the
   * end wraps around rather than failing while lower ports are free.
   */
  private int pick(String variable, int base, int slot, Collection<Integer> taken) {
    for (long port = (long) base + slot; port <= PortSettings.MAX_PORT; port += stride) {
      if (usable((int) port, taken)) {
        return (int) port;
      }
    }
    int span = PortSettings.MAX_PORT - base + 1;
    int offset = Math.floorMod(slot, span);
    for (int i = 0; i < span; i++) {
      int port = base + (offset + i) % span;
      if (usable(port, taken)) {
        return port;
      }
    }
    throw new NoFreePortException(variable, base);
  }

  private boolean usable(int port, Collection<Integer> taken) {
    return !held.contains(port) && !taken.contains(port) && FreePorts.isFree(port);
  }
}
