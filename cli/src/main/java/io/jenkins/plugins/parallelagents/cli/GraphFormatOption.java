package io.jenkins.plugins.parallelagents.cli;

import io.jenkins.plugins.parallelagents.graph.GraphFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code --format} spells core's {@link GraphFormat}s: in lower case, in the help, in the
 * value, and in the message for a typo.
 */
final class GraphFormatOption {

  private GraphFormatOption() {}

  static String name(GraphFormat format) {
    return format.name().toLowerCase(Locale.ROOT);
  }

  /** Reads the option's value, in any case. */
  static final class Converter implements ITypeConverter<GraphFormat> {
    @Override
    public GraphFormat convert(String value) {
      for (GraphFormat format : GraphFormat.values()) {
        if (name(format).equalsIgnoreCase(value)) {
          return format;
        }
      }
      throw new TypeConversionException(
          "expected one of " + String.join(", ", new Names()) + ", not '" + value + "'");
    }
  }

  /** The names the help lists as ${COMPLETION-CANDIDATES}. */
  static final class Names extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    Names() {
      super(Arrays.stream(GraphFormat.values()).map(GraphFormatOption::name).toList());
    }
  }
}
