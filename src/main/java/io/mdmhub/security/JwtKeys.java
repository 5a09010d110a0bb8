package io.mdmhub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Reads verification keys in the forms MicroProfile JWT accepts for {@code mp.jwt.verify.publickey}
 * and {@code mp.jwt.verify.publickey.location}: a PEM public key (RSA or EC) or a JWK set in JSON.
 */
final class JwtKeys {

  private JwtKeys() {}

  /** Parses PEM or JWKS text into public JSON web keys. */
  static List<JsonWebKey> parse(String text) throws GeneralSecurityException, JoseException {
    String trimmed = text.strip();
    if (trimmed.startsWith("{")) {
      List<JsonWebKey> keys = new ArrayList<>();
      for (JsonWebKey key : new JsonWebKeySet(trimmed).getJsonWebKeys()) {
        if (key instanceof PublicJsonWebKey publicKey) {
          // Only the public half is kept, whatever the file contains.
          keys.add(PublicJsonWebKey.Factory.newPublicJwk(publicKey.getPublicKey()));
          keys.get(keys.size() - 1).setKeyId(key.getKeyId());
        }
      }
      return keys;
    }
    return List.of(PublicJsonWebKey.Factory.newPublicJwk(pemPublicKey(trimmed)));
  }

  /** Reads keys from a file path or a {@code file:} URL. */
  static List<JsonWebKey> read(String location)
      throws IOException, GeneralSecurityException, JoseException {
    String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
    return parse(Files.readString(Path.of(path), StandardCharsets.UTF_8));
  }

  private static PublicKey pemPublicKey(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s+", "");
    byte[] der = Base64.getDecoder().decode(base64);
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePublic(spec);
    }
  }
}
