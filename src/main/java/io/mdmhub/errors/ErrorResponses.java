package io.mdmhub.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Builds the XML {@code <error>} body. The body is written as text so that it reaches the client as
 * {@code application/xml} whatever {@code Accept} header the request sends. The root's {@code
 * requestId} attribute repeats the {@code X-Request-Id} response header, so a client can quote it
 * from the body alone.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response.ResponseBuilder builder(
      Response.StatusType status, String requestId, List<String> messages) {
    return Response.status(status)
        .type(MediaType.APPLICATION_XML_TYPE)
        .entity(body(requestId, messages));
  }

  /**
   * Returns {@code <error requestId="…">} with one {@code <message>} element per message,
   * XML-escaped. The attribute is left out when {@code requestId} is null.
   */
  public static String body(String requestId, List<String> messages) {
    StringBuilder xml = new StringBuilder("<error");
    if (requestId != null) {
      xml.append(" requestId=\"").append(escape(requestId)).append('"');
    }
    xml.append('>');
    for (String message : messages) {
      xml.append("<message>").append(escape(message)).append("</message>");
    }
    return xml.append("</error>").toString();
  }

  /**
   * Escapes markup characters and drops characters that XML 1.0 cannot contain, so a body that
   * echoes a client's value is always well-formed.
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                  if (isXmlChar(c)) {
                    out.appendCodePoint(c);
                  } else {
                    out.append('\uFFFD');
                  }
                }
              }
            });
    return out.toString();
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
