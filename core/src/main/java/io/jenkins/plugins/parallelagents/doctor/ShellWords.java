package io.jenkins.plugins.parallelagents.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell line into its simple commands and their words, the way {@code sh} would before
 * expanding anything: quotes removed, redirections dropped, {@code ;}, {@code &&}, {@code ||},
 * {@code |} and {@code &} ending a command. Only to find which program a profile starts and what
 * options it passes; a variable such as {@code $AGENT_PROMPT} stays as written.
 */
final class ShellWords {

  private final String line;
  private final List<List<String>> commands = new ArrayList<>();
  private List<String> words = new ArrayList<>();
  private StringBuilder word;
  private boolean redirectTarget;
  private int at;

  private ShellWords(String line) {
    this.line = line;
  }

  /** The simple commands of {@code line}, in order, each with at least one word. */
  static List<List<String>> commands(String line) {
    return new ShellWords(line).split();
  }

  private List<List<String>> split() {
    while (at < line.length()) {
      char c = line.charAt(at);
      if (c == '\'') {
        int end = line.indexOf('\'', at + 1);
        end = end < 0 ? line.length() : end;
        current().append(line, at + 1, end);
        at = end + 1;
      } else if (c == '"') {
        doubleQuoted();
      } else if (c == '\\') {
        if (at + 1 < line.length() && line.charAt(at + 1) != '\n') {
          current().append(line.charAt(at + 1));
        }
        at += 2;
      } else if (c == '#' && word == null) {
        at = skipComment();
      } else if (c == '<' || c == '>') {
        redirection();
      } else if (c == ';' || c == '|' || c == '&' || c == '\n' || c == '(' || c == ')') {
        endWord();
        endCommand();
        at++;
      } else if (Character.isWhitespace(c)) {
        endWord();
        at++;
      } else {
        current().append(c);
        at++;
      }
    }
    endWord();
    endCommand();
    return List.copyOf(commands);
  }

  /** Inside double quotes a backslash only escapes {@code $ ` " \} and a newline. */
  private void doubleQuoted() {
    StringBuilder text = current();
    at++;
    while (at < line.length() && line.charAt(at) != '"') {
      char c = line.charAt(at);
      if (c == '\\' && at + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(at + 1)) >= 0) {
        if (line.charAt(at + 1) != '\n') {
          text.append(line.charAt(at + 1));
        }
        at += 2;
      } else {
        text.append(c);
        at++;
      }
    }
    at++;
  }

  /**
   * {@code < file}, {@code 2>&1}, {@code >>log}: neither the operator, its file descriptor number
   * nor its target is an argument of the command.
   */
  private void redirection() {
    if (word != null && word.chars().allMatch(Character::isDigit)) {
      word = null;
    } else {
      endWord();
    }
    at++;
    while (at < line.length() && (line.charAt(at) == '>' || line.charAt(at) == '&')) {
      at++;
    }
    redirectTarget = true;
  }

  private int skipComment() {
    int end = line.indexOf('\n', at);
    return end < 0 ? line.length() : end;
  }

  private StringBuilder current() {
    if (word == null) {
      word = new StringBuilder();
    }
    return word;
  }

  private void endWord() {
    if (word == null) {
      return;
    }
    if (redirectTarget) {
      redirectTarget = false;
    } else {
      words.add(word.toString());
    }
    word = null;
  }

  private void endCommand() {
    redirectTarget = false;
    if (!words.isEmpty()) {
      commands.add(List.copyOf(words));
    }
    words = new ArrayList<>();
  }
}
