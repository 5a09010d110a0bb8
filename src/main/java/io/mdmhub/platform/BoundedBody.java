package io.mdmhub.platform;

import io.mdmhub.errors.InvalidRequestException;
import io.mdmhub.errors.PayloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body into memory, failing with 413 once it passes a maximum size. */
public final class BoundedBody {

  private BoundedBody() {}

  /**
   * Returns the body's bytes. A body over {@code maxBytes} gives 413; a body that cannot be read,
   * such as a broken chunked or compressed stream, gives 400.
   */
  public static byte[] read(InputStream body, long maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    try {
      int read;
      while ((read = body.read(buffer)) != -1) {
        total += read;
        if (total > maxBytes) {
          throw new PayloadTooLargeException(maxBytes);
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new InvalidRequestException(
          "The request body could not be read: check its Content-Encoding and"
              + " Transfer-Encoding.");
    } finally {
      closeQuietly(body);
    }
    return out.toByteArray();
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // The body was read or already failed; a failing close changes nothing for the request.
    }
  }
}
