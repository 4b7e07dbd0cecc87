package io.jenkins.plugins.parallelagents.excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A JUnit XML report (Maven Surefire's {@code TEST-*.xml}, Gradle's, jest-junit's, pytest's {@code
 * --junitxml}): each {@code <testcase>} holding a {@code <failure>} or {@code <error>} is a failing
 * test, named {@code classname.name}. The file is read as a stream, and the test wrote it: the
 * parser takes no DTD and resolves no entity, so a file cannot pull in other files or expand into
 * gigabytes.
 */
final class JunitXmlFailures {

  private JunitXmlFailures() {}

  /** Adds the failing tests of {@code file} to {@code names}; what cannot be read is left out. */
  static void read(Path file, FailingTests names) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        scan(xml, names);
      } finally {
        xml.close();
      }
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // A broken or hostile report names what was read before the fault; the log still speaks.
    }
  }

  private static void scan(XMLStreamReader xml, FailingTests names) throws XMLStreamException {
    String testcase = null;
    while (xml.hasNext() && !names.isFull()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String element = xml.getLocalName();
        if (element.equals("testcase")) {
          testcase = name(xml);
        } else if (testcase != null && (element.equals("failure") || element.equals("error"))) {
          names.add(testcase);
          testcase = null; // a case with both a failure and an error is one failing test
        }
      } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("testcase")) {
        testcase = null;
      }
    }
  }

  private static String name(XMLStreamReader xml) {
    String classname = xml.getAttributeValue(null, "classname");
    String name = xml.getAttributeValue(null, "name");
    if (name == null || name.isBlank()) {
      return classname;
    }
    return classname == null || classname.isBlank() ? name : classname + "." + name;
  }
}
