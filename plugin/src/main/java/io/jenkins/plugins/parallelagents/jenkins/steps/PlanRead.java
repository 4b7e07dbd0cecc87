package io.jenkins.plugins.parallelagents.jenkins.steps;

import io.jenkins.plugins.parallelagents.distributed.RunStart;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** What reading the plan on the node gives back: the plan as read, the run's start, its outline. */
final class PlanRead implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String planText;
  private final String start;
  private final LinkedHashMap<String, Object> outline;

  PlanRead(String planText, RunStart start, Map<String, Object> outline) {
    this.planText = planText;
    this.start = Wire.write(start);
    this.outline = new LinkedHashMap<>(outline);
  }

  String planText() {
    return planText;
  }

  RunStart start() {
    return Wire.read(start, RunStart.class);
  }

  LinkedHashMap<String, Object> outline() {
    return outline;
  }
}
