package io.jenkins.plugins.parallelagents.usage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An agent's turns as they are read, kept short enough for a report page: each text cut to {@link
 * #MAX_TEXT} characters, the first {@link #HEAD} turns and the last {@link #TAIL} kept (how the
 * agent understood the task, and how it ended), the middle counted but left out.
 */
final class Conversation {

  static final int MAX_TEXT = 2_000;
  static final int HEAD = AgentUsage.KEPT_FIRST;
  static final int TAIL = 120;

  private final List<Turn> head = new ArrayList<>();
  private final Deque<Turn> tail = new ArrayDeque<>();
  private int omitted;
  private boolean lastIsOpenDelta;

  void add(Turn.Kind kind, String name, String text, boolean error) {
    lastIsOpenDelta = false;
    append(new Turn(kind, cut(name, 200), cut(text, MAX_TEXT), error));
  }

  /**
   * A piece of a streamed assistant message (Gemini CLI prints one per chunk): joined to the
   * previous piece, so that a message reads as one turn.
   */
  void addDelta(String text) {
    if (lastIsOpenDelta) {
      Turn last = tail.isEmpty() ? head.remove(head.size() - 1) : tail.removeLast();
      String joined = last.text() + text;
      append(new Turn(Turn.Kind.ASSISTANT, null, cut(joined, MAX_TEXT), false));
    } else {
      append(new Turn(Turn.Kind.ASSISTANT, null, cut(text, MAX_TEXT), false));
    }
    lastIsOpenDelta = true;
  }

  private void append(Turn turn) {
    if (head.size() < HEAD && tail.isEmpty()) {
      head.add(turn);
      return;
    }
    tail.addLast(turn);
    if (tail.size() > TAIL) {
      tail.removeFirst();
      omitted++;
    }
  }

  List<Turn> turns() {
    List<Turn> all = new ArrayList<>(head);
    all.addAll(tail);
    return all;
  }

  int omitted() {
    return omitted;
  }

  boolean isEmpty() {
    return head.isEmpty();
  }

  /** At most {@code max} characters, saying how many more there were. */
  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a character in two
    }
    return text.substring(0, end) + " … [" + (text.length() - end) + " more characters]";
  }
}
