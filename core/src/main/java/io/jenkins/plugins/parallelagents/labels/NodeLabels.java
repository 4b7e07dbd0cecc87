package io.jenkins.plugins.parallelagents.labels;

import io.jenkins.plugins.parallelagents.plan.Plan;
import io.jenkins.plugins.parallelagents.plan.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a build's stages may run. The plan names a label per task; the Jenkinsfile, which a pull
 * request cannot change, says which labels plans may ask for ({@code labels}) and whether the
 * built-in node may run anything ({@code allowBuiltIn}). Tasks run agents and the plan's commands:
 * on the built-in node they could read the controller's files, secrets included, so unless allowed
 * every stage's label expression excludes it.
 *
 * @param allowed label expressions a plan's task may name, each whole; {@code *} stands for any
 *     part of one label name ({@code agents-*}); {@code null} allows any
 * @param allowBuiltIn whether stages may run on the built-in node
 * @param builtIn the built-in node's own label ({@code built-in}; {@code master} on controllers
 *     that kept the old name)
 */
public record NodeLabels(List<String> allowed, boolean allowBuiltIn, String builtIn) {

  /** What {@code *} may stand for: a part of one label name, never an operator or a blank. */
  private static final String NAME_PART = "[^&|!<>() \\t\"']*";

  public NodeLabels {
    allowed = allowed == null ? null : List.copyOf(allowed);
    builtIn = builtIn == null || builtIn.isBlank() ? "built-in" : builtIn;
  }

  /**
   * Every reason the plan may not run here, one sentence each: a task label outside {@code
   * allowed}, or a label (the task's or {@code callLabel}, the Jenkinsfile's) naming the built-in
   * node when it is not allowed.
   */
  public List<String> problems(Plan plan, String callLabel) {
    List<String> problems = new ArrayList<>();
    if (callLabel != null && !balanced(callLabel)) {
      problems.add("the label '" + callLabel.strip() + "' has parentheses that do not balance");
    } else if (namesBuiltIn(callLabel)) {
      problems.add(
          "the label '"
              + callLabel.strip()
              + "' names the built-in node, where agents and the plan's commands may not run"
              + " unless the call sets allowBuiltIn: true");
    }
    for (Task task : plan.tasks()) {
      String label = task.label();
      if (label == null || label.isBlank()) {
        continue;
      }
      if (!balanced(label)) {
        // The stage wraps the label in parentheses before "&& !built-in": "a) || (b" would
        // leave "a" outside the exclusion.
        problems.add(
            "task '"
                + task.id()
                + "' asks for the label '"
                + label.strip()
                + "', whose parentheses do not balance");
      } else if (allowed != null && !isAllowed(label)) {
        problems.add(
            "task '"
                + task.id()
                + "' asks for the label '"
                + label.strip()
                + "', which the Jenkinsfile's labels do not allow ("
                + (allowed.isEmpty() ? "none is allowed" : "allowed: " + String.join(", ", allowed))
                + ")");
      } else if (namesBuiltIn(label)) {
        problems.add(
            "task '"
                + task.id()
                + "' asks for the label '"
                + label.strip()
                + "', the built-in node, where agents may not run unless the call sets"
                + " allowBuiltIn: true");
      }
    }
    return problems;
  }

  /** The expression a task's stage takes its node by: its own label, else the call's. */
  public String forTask(Task task, String callLabel) {
    String label = task.label();
    return forStage(label == null || label.isBlank() ? callLabel : label);
  }

  /**
   * {@code label} as the stage asks for it: unchanged when the built-in node is allowed (null: any
   * node); otherwise with the built-in node excluded, so that a label the built-in node also
   * carries (an administrator may give it {@code linux}) never sends work there.
   */
  public String forStage(String label) {
    if (allowBuiltIn) {
      return label == null || label.isBlank() ? null : label.strip();
    }
    String exclusion = "!" + LabelAtoms.escaped(builtIn);
    return label == null || label.isBlank() ? exclusion : "(" + label.strip() + ") && " + exclusion;
  }

  /** Whether every parenthesis outside a quoted label name closes one opened before it. */
  private static boolean balanced(String label) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth < 0) {
        return false;
      }
    }
    return depth == 0 && !quoted;
  }

  private boolean isAllowed(String label) {
    String wanted = label.strip();
    for (String entry : allowed) {
      if (glob(entry.strip()).matcher(wanted).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String entry) {
    List<String> literals = new ArrayList<>();
    for (String literal : entry.split("\\*", -1)) {
      literals.add(Pattern.quote(literal));
    }
    return Pattern.compile(String.join(NAME_PART, literals));
  }

  private boolean namesBuiltIn(String label) {
    return !allowBuiltIn && label != null && LabelAtoms.of(label).contains(builtIn);
  }
}
