package io.mdmhub.batches;

import io.mdmhub.platform.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads batch bodies of the form {@code <batch src="SF"><contact><id>…</id>…</contact>…</batch>}
 * with {@link SecureXml}, and writes entities back as compact XML.
 */
public final class BatchXml {

  /** Operations an entity may carry in its {@code op} attribute; the first is the default. */
  static final Set<String> OPERATIONS = Set.of("UPSERT", "CREATE", "DELETE");

  private BatchXml() {}

  /**
   * The root of a batch body: its element name, its {@code src}, its child count and the encoding
   * its XML declaration names (null when it names none).
   */
  public record Envelope(String rootName, String source, int entityCount, String encoding) {}

  /** An entity of a batch as parsed: id, operation and field values in document order. */
  public record ParsedEntity(String id, String op, Map<String, String> fields) {}

  /** A body that is not well-formed XML; the message is the parser's. */
  public static class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A well-formed body whose entities break the universe's rules. */
  public static class InvalidEntityException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidEntityException(String message) {
      super(message);
    }
  }

  /**
   * Reads the whole body to check that it is well-formed, and returns its root element's name,
   * {@code src} attribute (null when absent) and number of child elements.
   */
  public static Envelope readEnvelope(byte[] body) throws MalformedException {
    try {
      XMLStreamReader reader = SecureXml.open(new ByteArrayInputStream(body));
      try {
        reader.nextTag();
        String root = reader.getLocalName();
        String source = reader.getAttributeValue(null, "src");
        int depth = 1;
        int children = 0;
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            if (depth == 1) {
              children++;
            }
            depth++;
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            depth--;
          }
        }
        return new Envelope(root, source, children, reader.getCharacterEncodingScheme());
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      throw new MalformedException(describe(e), e);
    }
  }

  /**
   * Parses every entity of a stored body. Each child of the root must be an {@code entityName}
   * element with a non-blank {@code <id>} child and a known {@code op}.
   */
  public static List<ParsedEntity> readEntities(String body, String entityName)
      throws MalformedException, InvalidEntityException {
    List<ParsedEntity> entities = new ArrayList<>();
    try {
      XMLStreamReader reader = SecureXml.open(new StringReader(body));
      try {
        reader.nextTag();
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
          entities.add(readEntity(reader, entityName, entities.size() + 1));
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new MalformedException(describe(e), e);
    }
    return entities;
  }

  private static ParsedEntity readEntity(XMLStreamReader reader, String entityName, int position)
      throws XMLStreamException, InvalidEntityException {
    if (!reader.getLocalName().equals(entityName)) {
      throw new InvalidEntityException(
          "Entity "
              + position
              + " is a '"
              + reader.getLocalName()
              + "' element; this universe expects '"
              + entityName
              + "' elements.");
    }
    String op = reader.getAttributeValue(null, "op");
    op = op == null ? "UPSERT" : op.trim().toUpperCase(java.util.Locale.ROOT);
    if (!OPERATIONS.contains(op)) {
      throw new InvalidEntityException(
          "Entity " + position + " has an invalid op '" + op + "': use UPSERT, CREATE or DELETE.");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String field = reader.getLocalName();
      String value = reader.getElementText();
      if (fields.containsKey(field)) {
        throw new InvalidEntityException(
            "Entity " + position + " contains the field '" + field + "' more than once.");
      }
      fields.put(field, value);
    }
    String id = fields.remove("id");
    if (id == null || id.isBlank()) {
      throw new InvalidEntityException("Entity " + position + " has no id or a blank id.");
    }
    return new ParsedEntity(id.trim(), op, fields);
  }

  /** Writes an entity's fields as {@code <entityName><field>value</field>…</entityName>}. */
  public static String writeFields(String entityName, Map<String, String> fields) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      writer.writeStartElement(entityName);
      for (Map.Entry<String, String> field : fields.entrySet()) {
        writer.writeStartElement(field.getKey());
        writer.writeCharacters(field.getValue());
        writer.writeEndElement();
      }
      writer.writeEndElement();
      writer.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing entity XML failed", e);
    }
  }

  /** Reads back what {@link #writeFields} wrote. */
  public static Map<String, String> readFields(String content)
      throws MalformedException, InvalidEntityException {
    try {
      XMLStreamReader reader = SecureXml.open(new StringReader(content));
      Map<String, String> fields = new LinkedHashMap<>();
      reader.nextTag();
      while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
        fields.put(reader.getLocalName(), reader.getElementText());
      }
      reader.close();
      return fields;
    } catch (XMLStreamException e) {
      throw new MalformedException(describe(e), e);
    }
  }

  /** Collapses runs of white space to one space and trims the ends. */
  public static String normalizeSpace(String value) {
    return value.strip().replaceAll("\\s+", " ");
  }

  /**
   * Decodes a body that must be UTF-8, dropping a byte order mark. Returns null when the bytes are
   * not valid UTF-8.
   */
  public static String decodeUtf8(byte[] body) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Returns whether an XML declaration's encoding name means UTF-8. */
  public static boolean isUtf8(String encoding) {
    return encoding == null
        || encoding.equalsIgnoreCase("UTF-8")
        || encoding.equalsIgnoreCase("UTF8");
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return "The body is not well-formed XML.";
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
