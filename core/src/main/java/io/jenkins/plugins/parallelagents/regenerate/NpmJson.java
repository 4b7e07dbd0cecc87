package io.jenkins.plugins.parallelagents.regenerate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON laid out as npm writes {@code package.json} ({@code JSON.stringify(value, null, 2)}): two
 * spaces, {@code "key": value}, one array item per line, {@code {}} and {@code []} when empty. A
 * merged manifest written any other way would show as a diff of every line.
 */
final class NpmJson extends DefaultPrettyPrinter {

  private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");

  NpmJson() {
    super(
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withRootSeparator(""));
    indentObjectsWith(TWO_SPACES);
    indentArraysWith(TWO_SPACES);
  }

  @Override
  public DefaultPrettyPrinter createInstance() {
    return new NpmJson();
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    _nesting--;
    if (entries > 0) {
      _objectIndenter.writeIndentation(g, _nesting);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    _nesting--;
    if (values > 0) {
      _arrayIndenter.writeIndentation(g, _nesting);
    }
    g.writeRaw(']');
  }

  /**
   * Puts every whole number written as a fraction or with an exponent ({@code 2.0}, {@code 1e4})
   * back as JavaScript prints it ({@code 2}, {@code 10000}), in place: npm reads numbers as
   * JavaScript does, and a key neither side touched must come out as npm would write it.
   */
  static JsonNode asJavaScriptNumbers(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> e.setValue(asJavaScriptNumbers(e.getValue())));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, asJavaScriptNumbers(array.get(i)));
      }
    } else if (node.isFloatingPointNumber()) {
      BigDecimal value = node.decimalValue().stripTrailingZeros();
      if (value.scale() <= 0 && value.precision() - value.scale() <= 21) {
        return BigIntegerNode.valueOf(value.toBigIntegerExact());
      }
    }
    return node;
  }
}
