package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.report.PredictedConflict;
import java.util.List;

/**
 * The line that warns, while the tasks still run, of two tasks whose work will conflict: {@code !
 * conflict ahead: 'api' and 'page' both change config.txt (predicted; ...)}.
 */
final class ConflictWarning {

  /** Enough to find the conflict; a rename touching hundreds of files must not flood the log. */
  private static final int FILES_NAMED = 3;

  private ConflictWarning() {}

  static String line(PredictedConflict conflict) {
    return "! conflict ahead: '"
        + conflict.a()
        + "' and '"
        + conflict.b()
        + "' both change "
        + files(conflict.files())
        + (conflict.regenerable()
            ? " (predicted; the merge will regenerate them)"
            : " (predicted; the merge will set one aside unless it is resolved)");
  }

  /** File names come from agents' work: cleaned, so that none can drive the terminal. */
  private static String files(List<String> files) {
    if (files.isEmpty()) {
      return "the same files";
    }
    List<String> named = files.stream().limit(FILES_NAMED).map(TerminalText::clean).toList();
    String text = String.join(", ", named);
    int more = files.size() - named.size();
    return more > 0 ? text + " and " + more + " more" : text;
  }
}
