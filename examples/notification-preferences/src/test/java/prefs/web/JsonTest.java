package prefs.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import prefs.testing.Check;

public final class JsonTest {

  public static void main(String[] args) {
    writesNestedValues();
    parsesWhatItWrites();
    rejectsBrokenInput();
    Check.done();
  }

  static void writesNestedValues() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("name", "Ada \"the first\"");
    value.put("ids", List.of(1, 2));
    value.put("active", true);
    value.put("phone", null);
    Check.equal(
        "{\"name\":\"Ada \\\"the first\\\"\",\"ids\":[1,2],\"active\":true,\"phone\":null}",
        Json.write(value),
        "written JSON");
  }

  static void parsesWhatItWrites() {
    Object parsed =
        Json.parse(" {\"a\": [1, 2.5, \"x\\ny\"], \"b\": {\"c\": false}, \"d\": null} ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", List.of(1L, 2.5, "x\ny"));
    expected.put("b", Map.of("c", false));
    expected.put("d", null);
    Check.equal(expected, parsed, "parsed JSON");
  }

  static void rejectsBrokenInput() {
    IllegalArgumentException error =
        Check.fails(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"), "broken JSON");
    Check.contains(error.getMessage(), "offset 6", "the message says where");
    Check.fails(IllegalArgumentException.class, () -> Json.parse("[1] 2"), "trailing text");
  }
}
