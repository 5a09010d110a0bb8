package io.mdmhub.reporting;

import io.mdmhub.batches.BatchState;
import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.platform.Paging;
import io.mdmhub.platform.SecureXml;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Query Batch History body, {@code <BatchHistoryQuery offsetToken="" limit=""><sourceId/>
 * <fromDate/><toDate/><state/>…</BatchHistoryQuery>}. Every filter is optional and an empty element
 * counts as absent; {@code state} may repeat.
 *
 * @param sourceId source code to match, or null for every source
 * @param fromDate earliest creation time to match, inclusive, or null
 * @param toDate latest creation time to match, inclusive, or null
 * @param states states to match, or empty for every state
 * @param limit page size, 1 to {@link Paging#MAX_LIMIT}
 * @param afterId the page starts with the batches below this id, or null for the first page
 */
record BatchHistoryQuery(
    String sourceId,
    Instant fromDate,
    Instant toDate,
    List<BatchState> states,
    int limit,
    Long afterId) {

  static final String BAD_BODY =
      "Unable to read message body. Please make sure the XML structure is correct.";

  private static final Set<String> SINGLE_FILTERS = Set.of("sourceId", "fromDate", "toDate");

  /** Parses a body, or throws 400 with {@link #BAD_BODY} and what is wrong with it. */
  static BatchHistoryQuery parse(byte[] body) {
    try {
      XMLStreamReader reader = SecureXml.open(new ByteArrayInputStream(body));
      try {
        return read(reader);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw invalid("The body is not well-formed XML.");
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static BatchHistoryQuery read(XMLStreamReader reader) throws XMLStreamException {
    reader.nextTag();
    if (!reader.getLocalName().equals("BatchHistoryQuery")) {
      throw new IllegalArgumentException(
          "The root element is '" + reader.getLocalName() + "' instead of 'BatchHistoryQuery'.");
    }

    int limit = Paging.limit(reader.getAttributeValue(null, "limit"));
    String token = reader.getAttributeValue(null, "offsetToken");
    Long afterId = null;
    if (token != null && !token.isBlank()) {
      afterId = parseId(Paging.keyOf(token, 1)[0], token);
    }

    String sourceId = null;
    Instant fromDate = null;
    Instant toDate = null;
    List<BatchState> states = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
      String name = reader.getLocalName();
      if (SINGLE_FILTERS.contains(name) && seen.contains(name)) {
        throw new IllegalArgumentException("The element '" + name + "' appears more than once.");
      }
      seen.add(name);
      String value = reader.getElementText().strip();
      if (value.isEmpty()) {
        continue;
      }
      switch (name) {
        case "sourceId" -> sourceId = value;
        case "fromDate" -> fromDate = parseDate(name, value);
        case "toDate" -> toDate = parseDate(name, value);
        case "state" -> states.add(parseState(value));
        default ->
            throw new IllegalArgumentException(
                "The element '" + name + "' is unknown: use sourceId, fromDate, toDate or state.");
      }
    }

    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      throw new IllegalArgumentException("The fromDate is after the toDate.");
    }
    return new BatchHistoryQuery(sourceId, fromDate, toDate, List.copyOf(states), limit, afterId);
  }

  private static Instant parseDate(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "The "
              + name
              + " '"
              + value
              + "' is invalid: use yyyy-MM-ddTHH:mm:ssZ in UTC, such as 2026-01-01T00:00:00Z.");
    }
  }

  private static BatchState parseState(String value) {
    try {
      return BatchState.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The state '" + value + "' is invalid: use one of " + List.of(BatchState.values()) + ".");
    }
  }

  private static long parseId(String value, String token) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Paging.invalidToken(token);
    }
  }

  private static InvalidRequestException invalid(String detail) {
    return new InvalidRequestException(BAD_BODY, detail);
  }
}
