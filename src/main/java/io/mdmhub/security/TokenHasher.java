package io.mdmhub.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates hub tokens and hashes them with HMAC-SHA-256 under the server's key ({@code
 * mdm.token.key}, base64, at least 32 bytes). Tokens are random 256-bit secrets, so a fast keyed
 * hash is enough and keeps every Basic request cheap.
 */
@ApplicationScoped
public class TokenHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  @Inject
  @ConfigProperty(name = "mdm.token.key")
  Optional<String> encodedKey;

  private SecretKeySpec key;

  @PostConstruct
  void init() {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encodedKey.orElse("").trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("mdm.token.key is not valid base64.", e);
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(
          "mdm.token.key is missing or shorter than "
              + MIN_KEY_BYTES
              + " bytes. Set it (base64) as a server variable or as MDM_TOKEN_KEY.");
    }
    key = new SecretKeySpec(bytes, ALGORITHM);
  }

  /** Returns a new random token, URL-safe base64 without padding. */
  public String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns the hex HMAC-SHA-256 of a token. */
  public String hash(String token) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /** Compares a token with a stored hash in time independent of where they differ. */
  public boolean matches(String token, String storedHash) {
    return MessageDigest.isEqual(
        hash(token).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
