package io.mdmhub.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses request bodies sent with {@code Content-Encoding: gzip}. The application does this
 * itself because servers differ: Payara passes such bodies on compressed, and Liberty's HTTP
 * channel decompresses them unless {@code autoDecompression} is off, as it is in this project's
 * server.xml. The header is removed before later interceptors run, so a REST runtime does not
 * decode it again.
 *
 * <p>The gzip header is read on the first read of the body, not here, so a body that is not gzip
 * fails inside {@link BoundedBody}, which returns 400 with its usual message.
 */
@Provider
@Priority(Priorities.ENTITY_CODER - 100)
public class GzipRequestDecoder implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    String encoding = context.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
    if (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
      context.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
      context.setInputStream(new GzipBody(context.getInputStream()));
    }
    return context.proceed();
  }

  /** A gzip stream opened on the first read. */
  private static final class GzipBody extends InputStream {

    private final InputStream compressed;
    private InputStream decoded;

    GzipBody(InputStream compressed) {
      this.compressed = compressed;
    }

    private InputStream decoded() throws IOException {
      if (decoded == null) {
        decoded = new GZIPInputStream(compressed);
      }
      return decoded;
    }

    @Override
    public int read() throws IOException {
      return decoded().read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return decoded().read(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
      compressed.close();
    }
  }
}
