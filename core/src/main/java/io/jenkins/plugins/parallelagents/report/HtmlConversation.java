package io.jenkins.plugins.parallelagents.report;

import static io.jenkins.plugins.parallelagents.report.HtmlParts.esc;

import io.jenkins.plugins.parallelagents.usage.AgentUsage;
import io.jenkins.plugins.parallelagents.usage.Turn;
import java.util.List;
import java.util.Locale;

/**
 * Each task's agent conversation in {@code report.html}, folded away until opened. Every text is
 * the agent's and is escaped: a message holding markup shows as text.
 */
final class HtmlConversation {

  private HtmlConversation() {}

  /** The section, or nothing when no agent printed a conversation. */
  static String render(List<TaskReport> tasks) {
    StringBuilder html = new StringBuilder();
    for (TaskReport task : tasks) {
      for (AttemptReport attempt : task.attempts()) {
        AgentUsage usage = attempt.usage();
        if (usage == null || usage.conversation().isEmpty()) {
          continue;
        }
        html.append("<details class=\"conversation\"><summary>").append(esc(task.id()));
        if (task.attempts().size() > 1) {
          html.append(" · attempt ").append(attempt.n());
        }
        html.append(" · ")
            .append(usage.conversation().size() + usage.omittedTurns())
            .append(" turns · ")
            .append(esc(UsageText.of(attempt.spend())))
            .append("</summary>\n<ol>");
        turns(html, usage);
        html.append("</ol></details>\n");
      }
    }
    if (html.isEmpty()) {
      return "";
    }
    return "<section id=\"conversations\"><h2>Agent conversations</h2>\n" + html + "</section>\n";
  }

  private static void turns(StringBuilder html, AgentUsage usage) {
    List<Turn> turns = usage.conversation();
    int head = usage.omittedTurns() == 0 ? -1 : Math.min(turns.size(), AgentUsage.KEPT_FIRST);
    for (int i = 0; i < turns.size(); i++) {
      if (i == head) {
        html.append("<li class=\"muted\">… ")
            .append(usage.omittedTurns())
            .append(" turns left out …</li>");
      }
      Turn turn = turns.get(i);
      html.append("<li><span class=\"tag")
          .append(turn.error() ? " warn" : "")
          .append("\">")
          .append(esc(label(turn)))
          .append("</span><pre>")
          .append(esc(turn.text() == null ? "" : turn.text()))
          .append("</pre></li>");
    }
  }

  private static String label(Turn turn) {
    String kind = turn.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return turn.name() == null ? kind : kind + " " + turn.name();
  }
}
