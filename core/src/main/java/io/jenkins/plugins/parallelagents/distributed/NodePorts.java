package io.jenkins.plugins.parallelagents.distributed;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.ports.PortAllocator;
import io.jenkins.plugins.parallelagents.ports.PortLease;
import io.jenkins.plugins.parallelagents.ports.PortSlots;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's ports on a node: chosen on the node that runs it (checked free there), then carried from
 * step to step in the prepared task's environment, since the steps of one task may run in different
 * processes and no lease can be held across them. Tasks keep apart by their slots (each its own
 * offset from the bases), as on one machine.
 */
final class NodePorts {

  private NodePorts() {}

  /**
   * @throws io.jenkins.plugins.parallelagents.ports.NoFreePortException when every port from a base
   *     is taken on this node
   */
  static Map<String, Integer> choose(Plan plan, String taskId) {
    PortAllocator allocator = PortAllocator.forPlan(plan);
    try (PortLease lease = allocator.lease(PortSlots.of(plan, taskId, 1))) {
      return lease.ports();
    }
  }

  /** The ports {@link #choose} gave a prepared task, read back from its environment. */
  static Map<String, Integer> of(Plan plan, PreparedTask prepared) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String variable : plan.environment().ports().bases().keySet()) {
      String value = prepared.environment().get(variable);
      if (value != null) {
        ports.put(variable, Integer.parseInt(value));
      }
    }
    return ports;
  }
}
