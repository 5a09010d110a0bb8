package io.mdmhub.support;

import io.mdmhub.support.HubClient.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a request over a plain socket, for targets that {@link java.net.URI} and the JDK's HTTP
 * client reject, such as a malformed percent-escape. It speaks HTTP/1.0 with {@code Connection:
 * close}, so the body is whatever the server sends before it closes the connection.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Sends {@code method target} to the test server with the given headers and UTF-8 body. */
  public static Reply send(String method, String target, Map<String, String> headers, String body)
      throws IOException {
    URI base = URI.create(HubClient.BASE_URL);
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.0\r\n");
    head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ").append(content.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    }
  }

  private static Reply parse(byte[] response) {
    String text = new String(response, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new Reply(status, HttpHeaders.of(headers, (name, value) -> true), body);
  }
}
