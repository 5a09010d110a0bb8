package io.mdmhub.errors;

import io.mdmhub.operations.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error page for failures the servlet container reports before JAX-RS runs, such as a request URI
 * with an encoded slash or control character. It writes the XML error body in place of the
 * container's HTML page. web.xml maps it to those statuses and to uncaught exceptions.
 */
@WebServlet("/container-error")
public class ContainerErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(code instanceof Integer)) {
      // Requested directly rather than as an error page.
      write(request, response, 404, "No resource exists at this path.");
      return;
    }
    int status = (Integer) code;
    Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String message =
        switch (status) {
          case 400 ->
              "The request is malformed: check the URI's percent-encoding (no encoded slash or"
                  + " control character) and the Content-Type and Accept headers.";
          case 404 -> "No resource exists at this path.";
          case 405 -> "The HTTP method is not allowed for this resource.";
          default -> internalError(request, exception);
        };
    if (status < 400 || status == 401) {
      status = 500;
    }
    write(request, response, status, message);
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    String requestId = RequestIds.of(request);
    // reset() clears the headers too, so the correlation id is set again.
    response.reset();
    response.setStatus(status);
    response.setHeader(RequestIds.HEADER, requestId);
    response.setContentType("application/xml;charset=UTF-8");
    response.getWriter().write(ErrorResponses.body(requestId, List.of(message)));
  }

  private static String internalError(HttpServletRequest request, Throwable exception) {
    String correlationId = RequestIds.of(request);
    LOG.log(
        Level.SEVERE,
        "Container error on "
            + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
            + ", correlation id "
            + correlationId,
        exception);
    return "An unexpected error occurred. Quote correlation id "
        + correlationId
        + " when reporting it.";
  }
}
