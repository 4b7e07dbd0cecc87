package io.jenkins.plugins.parallelagents.regenerate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;

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
}
