package io.mdmhub.platform;

import io.mdmhub.errors.PayloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body into memory, failing with 413 once it passes a maximum size. */
public final class BoundedBody {

  private BoundedBody() {}

  public static byte[] read(InputStream body, long maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    try (body) {
      int read;
      while ((read = body.read(buffer)) != -1) {
        total += read;
        if (total > maxBytes) {
          throw new PayloadTooLargeException(maxBytes);
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the request body failed", e);
    }
    return out.toByteArray();
  }
}
