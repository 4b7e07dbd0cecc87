package io.jenkins.plugins.parallelagents.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The notations {@code graph} can print a plan's task graph in. */
enum GraphFormat {
  /** Indented text for the terminal. */
  TEXT,
  /** A Mermaid flowchart, rendered by GitHub and GitLab in Markdown. */
  MERMAID,
  /** Graphviz DOT. */
  DOT;

  /** Lower case, as the option takes it and the help lists it. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads the option's value, answering a typo in the same lower case the help uses. */
  static final class Converter implements ITypeConverter<GraphFormat> {
    @Override
    public GraphFormat convert(String value) {
      for (GraphFormat format : values()) {
        if (format.toString().equalsIgnoreCase(value)) {
          return format;
        }
      }
      String known =
          Arrays.stream(values()).map(GraphFormat::toString).collect(Collectors.joining(", "));
      throw new TypeConversionException("expected one of " + known + ", not '" + value + "'");
    }
  }
}
