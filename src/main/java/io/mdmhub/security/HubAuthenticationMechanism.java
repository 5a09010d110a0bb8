package io.mdmhub.security;

import io.mdmhub.audit.RejectedLogins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's one authentication mechanism. It reads the {@code Authorization} header and
 * hands a credential to the identity stores: a Basic header on {@code /mdm/admin} to the
 * administrator store, a Basic header elsewhere to the repository token store, and a Bearer header
 * to the JWT store. Bearer verification lives in an identity store rather than in Liberty's {@code
 * mpJwt} feature, because that feature stops working beside any Jakarta Security mechanism.
 *
 * <p>Any failure writes the 401 page itself; {@link AuthenticationFailureFilter} then stops the
 * request, because Liberty still invokes a resource after {@code SEND_FAILURE} on some paths.
 */
@ApplicationScoped
public class HubAuthenticationMechanism implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(HubAuthenticationMechanism.class.getName());
  private static final String ADMIN_PATH = "/mdm/admin";
  private static final String AUTH_TYPE_KEY = "jakarta.servlet.http.authType";
  private static final String AUTH_TYPE = "MDM-HUB";

  @Inject IdentityStoreHandler identityStores;
  @Inject RejectedLogins rejectedLogins;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (request.getAttribute(UnauthorizedPage.WRITTEN) != null) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return context.isProtected() ? reject(request, response, null) : context.doNothing();
    }
    Credential credential = credential(header, isAdminPath(request));
    if (credential == null) {
      LOG.log(Level.FINE, "Malformed Authorization header on {0}", request.getRequestURI());
      return reject(request, response, null);
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      String scheme = credential instanceof BearerTokenCredential ? "BEARER" : "BASIC";
      return reject(request, response, scheme);
    }
    // Liberty 26 parses a "Basic" header itself when the authentication type is BASIC, to name
    // the user in its audit record, and fails with a NullPointerException (500) on a valid header
    // with extra spaces. A type of this mechanism's own avoids that parse on every server.
    context.getMessageInfo().getMap().put(AUTH_TYPE_KEY, AUTH_TYPE);
    return context.notifyContainerAboutLogin(result);
  }

  private static boolean isAdminPath(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals(ADMIN_PATH) || path.startsWith(ADMIN_PATH + "/");
  }

  /**
   * Returns the credential of a Basic or Bearer header, or null when the header is malformed.
   * Bearer tokens are accepted on hub operations only; the administration realm is Basic.
   */
  static Credential credential(String header, boolean adminPath) {
    String[] parts = header.trim().split("\\s+", 2);
    if (parts.length != 2) {
      return null;
    }
    if (parts[0].equalsIgnoreCase("Bearer")) {
      return adminPath ? null : new BearerTokenCredential(parts[1].trim());
    }
    if (!parts[0].equalsIgnoreCase("Basic")) {
      return null;
    }
    String decoded = decodeBase64Utf8(parts[1].trim());
    if (decoded == null) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    if (password.isEmpty()) {
      return null;
    }
    return adminPath ? new AdminCredential(user, password) : new HubTokenCredential(user, password);
  }

  private static String decodeBase64Utf8(String value) {
    try {
      byte[] bytes = Base64.getDecoder().decode(value);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Writes the 401 page and records the rejection of a cancel request.
   *
   * @param scheme the scheme of a well-formed credential that failed validation, or null
   */
  private AuthenticationStatus reject(
      HttpServletRequest request, HttpServletResponse response, String scheme) {
    rejectedLogins.rejected(request, scheme);
    try {
      UnauthorizedPage.write(request, response);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Could not write the 401 page for " + request.getRequestURI(), e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
