package io.jenkins.plugins.parallelagents.ports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports one step (or one attempt's steps) holds: no other step of the run gets them until the
 * lease is closed. Closing twice is harmless.
 */
public final class PortLease implements AutoCloseable {

  /** A lease of no ports, for a plan that names none. */
  public static final PortLease NONE = new PortLease(Map.of(), null);

  private final Map<String, Integer> ports;
  private final PortAllocator owner;
  private boolean closed;

  PortLease(Map<String, Integer> ports, PortAllocator owner) {
    this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    this.owner = owner;
  }

  /** The port of each variable, in the plan's order. */
  public Map<String, Integer> ports() {
    return ports;
  }

  /** The variables a step gets: each name with its port as text. */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    ports.forEach((name, port) -> environment.put(name, Integer.toString(port)));
    return environment;
  }

  /** Gives the ports back to the run, for steps that start later. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed || owner == null) {
        return;
      }
      closed = true;
    }
    owner.release(ports.values());
  }
}
