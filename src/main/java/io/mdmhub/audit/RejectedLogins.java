package io.mdmhub.audit;

import io.mdmhub.operations.HubMetrics;
import io.mdmhub.operations.RequestIds;
import io.mdmhub.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records a Cancel Pending Batches request that failed authentication (401) in the audit trail and
 * the metrics. Such a request never reaches JAX-RS, so {@link AuditFilter} does not see it. The
 * event carries the path's ids and the scheme the header named, but no caller, because none was
 * verified, and nothing from the credential itself.
 */
@ApplicationScoped
public class RejectedLogins {

  private static final Logger LOG = Logger.getLogger(RejectedLogins.class.getName());
  private static final Pattern CANCEL_PATH =
      Pattern.compile("/mdm/universes/([^/]*)/sources/([^/]*)/cancelPendingBatches/?");

  @Inject AuditLog audit;
  @Inject HubMetrics metrics;

  /**
   * Records the 401 when the request is a cancel request; does nothing for other requests.
   *
   * @param scheme {@code BASIC} or {@code BEARER} as the Authorization header named it, or null
   */
  public void rejected(HttpServletRequest request, String scheme) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher cancel = CANCEL_PATH.matcher(path);
    if (!request.getMethod().equals("POST") || !cancel.matches()) {
      return;
    }
    metrics.cancelRequest(401);
    try {
      audit.record(
          new AuditEvent(Timestamps.now(), RequestIds.of(request), AuditAction.CANCEL_REQUEST, 401)
              .caller(null, scheme, null)
              .target(
                  request.getParameter("repositoryId"),
                  decode(cancel.group(1)),
                  decode(cancel.group(2)))
              .detail("Invalid credentials."));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Recording a rejected cancel request failed", e);
    }
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
