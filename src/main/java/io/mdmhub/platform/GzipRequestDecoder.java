package io.mdmhub.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Decompresses request bodies sent with {@code Content-Encoding: gzip} (or {@code x-gzip}). A body
 * in any other coding but {@code identity} cannot be read, which gives 400. The application does
 * this itself because servers differ: Payara passes such bodies on compressed, and Liberty's HTTP
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
    if (encoding == null) {
      return context.proceed();
    }
    String coding = encoding.trim().toLowerCase(Locale.ROOT);
    context.getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
    if (coding.equals("gzip") || coding.equals("x-gzip")) {
      context.setInputStream(new GzipBody(context.getInputStream()));
    } else if (!coding.isEmpty() && !coding.equals("identity")) {
      // Any other coding, or a list of codings, fails on the first read, so the body reader
      // returns 400 as for a broken gzip body rather than parsing the encoded bytes.
      context.setInputStream(new UnsupportedCoding(encoding));
    }
    return context.proceed();
  }

  /** A body in a content coding this service does not decode. */
  private static final class UnsupportedCoding extends InputStream {

    private final String encoding;

    UnsupportedCoding(String encoding) {
      this.encoding = encoding;
    }

    @Override
    public int read() throws IOException {
      throw new IOException("Unsupported Content-Encoding: " + encoding);
    }
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
