package io.mdmhub.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jca.ProviderContext;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwa.CryptoPrimitive;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.jwt.ReservedClaimNames;
import org.jose4j.jwx.HeaderParameterNames;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs Bearer JWTs with the test keys the Maven-run server trusts ({@code
 * src/test/resources/jwt/test-signing-keys.jwks}): RS256 with key {@code test-rsa} and ES256 with
 * key {@code test-ec}. A test may override or drop any claim or header parameter, leave the token
 * unsigned, or sign it with a key the server does not know.
 *
 * <p>The header and payload are serialized here and only the signature comes from jose4j, so a
 * header may name an algorithm or key id other than the one that signed it.
 */
public final class Tokens {

  public static final String ISSUER = System.getProperty("mdm.test.jwtIssuer", "mdm-hub-dev");
  public static final String AUDIENCE = System.getProperty("mdm.test.jwtAudience", "mdm-hub");

  public static final String BATCH_MANAGEMENT = "MDM - Batch Management";
  public static final String ACTIVITY_REPORTING = "MDM - Activity Reporting";

  /** Lifetime of a token unless a test sets {@code exp}. */
  private static final long DEFAULT_LIFETIME_SECONDS = 300;

  private static final String RSA_KEY_ID = "test-rsa";
  private static final String EC_KEY_ID = "test-ec";
  private static final Map<String, PublicJsonWebKey> SIGNING_KEYS = readSigningKeys();

  private Tokens() {}

  /** Starts an RS256 token signed with {@code test-rsa}, valid for five minutes. */
  public static Builder rs256(String subject, String accountId, String... groups) {
    return new Builder(
        AlgorithmIdentifiers.RSA_USING_SHA256,
        RSA_KEY_ID,
        SIGNING_KEYS.get(RSA_KEY_ID).getPrivateKey(),
        subject,
        accountId,
        groups);
  }

  /** Starts an ES256 token signed with {@code test-ec}, valid for five minutes. */
  public static Builder es256(String subject, String accountId, String... groups) {
    return new Builder(
        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
        EC_KEY_ID,
        SIGNING_KEYS.get(EC_KEY_ID).getPrivateKey(),
        subject,
        accountId,
        groups);
  }

  /** Returns the {@code Authorization} value of a signed RS256 token with these privileges. */
  public static String bearer(String subject, String accountId, String... groups) {
    return rs256(subject, accountId, groups).bearer();
  }

  /** Returns the time as a JWT NumericDate: whole seconds since the epoch. */
  public static long numericDate(Instant time) {
    return time.getEpochSecond();
  }

  /** Returns the public RSA key of {@code test-rsa} in X.509 encoding. */
  private static byte[] rsaPublicKeyBytes() {
    return SIGNING_KEYS.get(RSA_KEY_ID).getPublicKey().getEncoded();
  }

  /** A token under construction. Every method returns this builder. */
  public static final class Builder {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String signingAlgorithm;
    private Key signingKey;

    private Builder(
        String algorithm,
        String keyId,
        Key key,
        String subject,
        String accountId,
        String... groups) {
      this.signingAlgorithm = algorithm;
      this.signingKey = key;
      header.put(HeaderParameterNames.TYPE, "JWT");
      header.put(HeaderParameterNames.ALGORITHM, algorithm);
      header.put(HeaderParameterNames.KEY_ID, keyId);
      Instant now = Instant.now();
      claims.put(ReservedClaimNames.ISSUER, ISSUER);
      claims.put(ReservedClaimNames.AUDIENCE, AUDIENCE);
      claims.put(ReservedClaimNames.SUBJECT, subject);
      claims.put("account", accountId);
      claims.put("groups", List.of(groups));
      claims.put(ReservedClaimNames.ISSUED_AT, numericDate(now));
      claims.put(
          ReservedClaimNames.EXPIRATION_TIME,
          numericDate(now.plusSeconds(DEFAULT_LIFETIME_SECONDS)));
    }

    /** Sets a claim to any JSON value: a string, number, boolean, list or map. */
    public Builder claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    /** Removes a claim from the payload. */
    public Builder without(String name) {
      claims.remove(name);
      return this;
    }

    public Builder issuedAt(Instant time) {
      return claim(ReservedClaimNames.ISSUED_AT, numericDate(time));
    }

    public Builder expiresAt(Instant time) {
      return claim(ReservedClaimNames.EXPIRATION_TIME, numericDate(time));
    }

    /** Sets a header parameter, such as {@code alg} or {@code kid}, without changing the key. */
    public Builder header(String name, Object value) {
      header.put(name, value);
      return this;
    }

    /** Removes a header parameter. */
    public Builder withoutHeader(String name) {
      header.remove(name);
      return this;
    }

    /** Leaves the token unsigned, with {@code alg: none} and an empty signature part. */
    public Builder unsigned() {
      header.put(HeaderParameterNames.ALGORITHM, AlgorithmIdentifiers.NONE);
      signingAlgorithm = AlgorithmIdentifiers.NONE;
      signingKey = null;
      return this;
    }

    /**
     * Signs with a key generated now, of the same type and with the same {@code kid} as the test
     * key, so the server finds a key under that id whose signature check fails.
     */
    public Builder unknownKey() {
      try {
        PublicJsonWebKey fresh =
            AlgorithmIdentifiers.RSA_USING_SHA256.equals(signingAlgorithm)
                ? RsaJwkGenerator.generateJwk(2048)
                : EcJwkGenerator.generateJwk(EllipticCurves.P256);
        signingKey = fresh.getPrivateKey();
      } catch (JoseException e) {
        throw new IllegalStateException("Generating a signing key failed", e);
      }
      return this;
    }

    /**
     * Signs with HS256, using the RSA test key's public X.509 bytes as the HMAC secret while the
     * header names the algorithm given. A verifier that mixes up the key types would accept it.
     */
    public Builder hmacWithPublicKey(String headerAlgorithm) {
      signingAlgorithm = AlgorithmIdentifiers.HMAC_SHA256;
      signingKey = new HmacKey(rsaPublicKeyBytes());
      header.put(HeaderParameterNames.ALGORITHM, headerAlgorithm);
      return this;
    }

    /** Returns the token in compact serialization: header, payload and signature. */
    public String sign() {
      String signingInput =
          base64Url(JsonUtil.toJson(header)) + "." + base64Url(JsonUtil.toJson(claims));
      if (signingKey == null) {
        return signingInput + ".";
      }
      try {
        JsonWebSignatureAlgorithm algorithm =
            AlgorithmFactoryFactory.getInstance()
                .getJwsAlgorithmFactory()
                .getAlgorithm(signingAlgorithm);
        CryptoPrimitive primitive = algorithm.prepareForSign(signingKey, new ProviderContext());
        byte[] signature =
            algorithm.sign(primitive, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
      } catch (JoseException e) {
        throw new IllegalStateException(
            "Signing a test token with " + signingAlgorithm + " failed", e);
      }
    }

    /** Returns {@code Bearer <token>}, the value of an {@code Authorization} header. */
    public String bearer() {
      return "Bearer " + sign();
    }
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, PublicJsonWebKey> readSigningKeys() {
    try (InputStream in = Tokens.class.getResourceAsStream("/jwt/test-signing-keys.jwks")) {
      if (in == null) {
        throw new IllegalStateException("jwt/test-signing-keys.jwks is not on the test classpath");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, PublicJsonWebKey> keys = new LinkedHashMap<>();
      for (JsonWebKey key : new JsonWebKeySet(json).getJsonWebKeys()) {
        keys.put(key.getKeyId(), (PublicJsonWebKey) key);
      }
      for (String keyId : List.of(RSA_KEY_ID, EC_KEY_ID)) {
        if (keys.get(keyId) == null || keys.get(keyId).getPrivateKey() == null) {
          throw new IllegalStateException(
              "jwt/test-signing-keys.jwks has no private key with kid " + keyId);
        }
      }
      return keys;
    } catch (IOException | JoseException e) {
      throw new IllegalStateException("Reading jwt/test-signing-keys.jwks failed", e);
    }
  }
}
