package io.mdmhub.platform;

import java.io.InputStream;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Creates StAX readers that reject document type declarations and never resolve external entities,
 * so XXE and entity-expansion bodies fail before any of their content is used.
 */
public final class SecureXml {

  private static final XMLInputFactory FACTORY = newFactory();

  private SecureXml() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("External entities are not allowed.");
        });
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  private static void trySet(XMLInputFactory factory, String property, Object value) {
    try {
      factory.setProperty(property, value);
    } catch (IllegalArgumentException e) {
      // Some StAX implementations reject the JAXP 1.5 properties, and the settings above suffice.
    }
  }

  public static XMLStreamReader open(InputStream body) throws XMLStreamException {
    return new DtdRejectingReader(FACTORY.createXMLStreamReader(body));
  }

  public static XMLStreamReader open(Reader body) throws XMLStreamException {
    return new DtdRejectingReader(FACTORY.createXMLStreamReader(body));
  }

  /** Fails on a DTD event or an unresolved entity reference instead of passing it on. */
  private static final class DtdRejectingReader extends javax.xml.stream.util.StreamReaderDelegate {

    DtdRejectingReader(XMLStreamReader reader) throws XMLStreamException {
      super(reader);
      check(reader.getEventType());
    }

    @Override
    public int next() throws XMLStreamException {
      return check(super.next());
    }

    private static int check(int event) throws XMLStreamException {
      if (event == DTD) {
        throw new XMLStreamException("Document type declarations are not allowed.");
      }
      if (event == ENTITY_REFERENCE) {
        throw new XMLStreamException(
            "Entity references other than the predefined are not allowed.");
      }
      return event;
    }
  }
}
