package io.jenkins.plugins.parallelagents.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.parallelagents.doctor.Check;
import io.jenkins.plugins.parallelagents.doctor.CheckStatus;
import io.jenkins.plugins.parallelagents.doctor.Diagnosis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shows what {@code doctor} found: a list to read, or JSON for a script. */
final class DoctorReport {

  private static final String FIX_INDENT = "    fix: ";

  private final Path plan;
  private final Diagnosis diagnosis;

  /**
   * @param plan the plan file checked, or {@code null} when there was none
   */
  DoctorReport(Path plan, Diagnosis diagnosis) {
    this.plan = plan;
    this.diagnosis = diagnosis;
  }

  void printText(PrintWriter out, Path workingDirectory) {
    if (plan == null) {
      out.println(
          "No plan given and no "
              + ExampleLocator.PLAN_FILE
              + " in "
              + workingDirectory
              + ": only git is checked; give the plan file to check its agents.");
    } else {
      out.println("Plan " + plan + ":");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Check check : diagnosis.checks()) {
      rows.add(List.of(label(check.status()), clean(check.subject()), clean(check.finding())));
    }
    List<String> lines = Words.columns(rows);
    for (int i = 0; i < lines.size(); i++) {
      out.println(lines.get(i));
      Check check = diagnosis.checks().get(i);
      if (check.fix() != null) {
        out.println(FIX_INDENT + clean(check.fix()));
      }
    }
    out.println(summary());
    out.flush();
  }

  void printJson(PrintWriter out) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("plan", plan == null ? null : plan.toString());
    root.put("status", name(diagnosis.status()));
    ArrayNode checks = root.putArray("checks");
    for (Check check : diagnosis.checks()) {
      ObjectNode node = checks.addObject();
      node.put("subject", check.subject());
      node.put("status", name(check.status()));
      node.put("finding", check.finding());
      node.put("fix", check.fix());
    }
    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.flush();
  }

  private String summary() {
    long failed = count(CheckStatus.FAILED);
    long warnings = count(CheckStatus.WARNING);
    if (failed > 0) {
      return Words.count((int) failed, "check")
          + " failed"
          + (warnings > 0 ? ", " + Words.count((int) warnings, "warning") : "")
          + ": fix them before a run.";
    }
    if (warnings > 0) {
      return "No check failed; " + Words.count((int) warnings, "warning") + " to look at.";
    }
    return "All checks passed.";
  }

  private long count(CheckStatus status) {
    return diagnosis.checks().stream().filter(check -> check.status() == status).count();
  }

  private static String label(CheckStatus status) {
    return switch (status) {
      case OK -> "ok";
      case WARNING -> "warning";
      case FAILED -> "FAILED";
    };
  }

  static String name(CheckStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** The plan and the environment are the user's, but no line may move the cursor. */
  private static String clean(String text) {
    return TerminalText.clean(text);
  }
}
