package io.mdmhub.admin;

import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.platform.BoundedBody;
import io.mdmhub.platform.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the small XML bodies of the administration API: a root element with attributes. */
final class AdminXml {

  /** Largest administration body accepted, in bytes. */
  static final long MAX_BYTES = 65536;

  /** Deepest element nesting accepted; administration bodies need two levels. */
  private static final int MAX_DEPTH = 8;

  private AdminXml() {}

  /** An element of an administration body: its name, attributes and child elements. */
  record Element(String name, Map<String, String> attributes, List<Element> children) {

    String attribute(String attribute) {
      return attributes.get(attribute);
    }
  }

  /**
   * Parses a body whose root must be {@code expectedRoot}. Returns null for an empty body, so the
   * caller can apply its defaults.
   */
  static Element read(InputStream body, String expectedRoot) {
    byte[] bytes = BoundedBody.read(body, MAX_BYTES);
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    Element root;
    try {
      XMLStreamReader reader = SecureXml.open(new ByteArrayInputStream(bytes));
      try {
        reader.nextTag();
        root = element(reader, 1);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new InvalidRequestException(
          "The body is not well-formed XML: " + e.getMessage().replaceAll("\\s+", " ").trim());
    }
    if (!root.name().equals(expectedRoot)) {
      throw new InvalidRequestException(
          "The body must be a '" + expectedRoot + "' element, not '" + root.name() + "'.");
    }
    return root;
  }

  private static Element element(XMLStreamReader reader, int depth) throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw new InvalidRequestException(
          "The body nests elements deeper than " + MAX_DEPTH + " levels.");
    }
    String name = reader.getLocalName();
    Map<String, String> attributes = new HashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    List<Element> children = new ArrayList<>();
    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
      children.add(element(reader, depth + 1));
    }
    return new Element(name, attributes, children);
  }
}
