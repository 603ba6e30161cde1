package io.agentmetrics.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The credentials one group of endpoints requires: none, a bearer token, or a basic user and
 * password. Presented credentials are hashed and compared in constant time; {@link #toString()}
 * never shows a secret.
 */
public final class HttpAuth {

  private static final String REALM = "agentmetrics";
  private static final HttpAuth NONE = new HttpAuth("none", null, null);

  private final String scheme;
  private final byte[] expectedDigest;
  private final String user;

  private HttpAuth(String scheme, byte[] expectedDigest, String user) {
    this.scheme = scheme;
    this.expectedDigest = expectedDigest;
    this.user = user;
  }

  /** No authentication. */
  public static HttpAuth none() {
    return NONE;
  }

  /** Requires {@code Authorization: Bearer <token>}. */
  public static HttpAuth bearer(String token) {
    requireSecret(token, "bearer token");
    return new HttpAuth("Bearer", digest(token), null);
  }

  /** Requires {@code Authorization: Basic} with this user and password. */
  public static HttpAuth basic(String user, String password) {
    requireSecret(user, "basic auth user");
    requireSecret(password, "basic auth password");
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("the basic auth user must not contain ':'");
    }
    return new HttpAuth("Basic", digest(user + ":" + password), user);
  }

  /** Whether any credentials are required. */
  public boolean enabled() {
    return expectedDigest != null;
  }

  /** Whether the {@code Authorization} header value satisfies this policy. */
  public boolean authorizes(String authorization) {
    if (!enabled()) {
      return true;
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
      return false;
    }
    String presented = authorization.substring(scheme.length() + 1).trim();
    if (scheme.equals("Basic")) {
      try {
        presented = new String(Base64.getDecoder().decode(presented), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return MessageDigest.isEqual(expectedDigest, digest(presented));
  }

  /** The refusal for a request that does not satisfy this policy. */
  ApiException unauthorized() {
    String challenge =
        scheme.equals("Basic")
            ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\""
            : "Bearer realm=\"" + REALM + "\"";
    return new ApiException(
        401,
        "unauthorized",
        "missing or invalid " + scheme + " credentials",
        Map.of("WWW-Authenticate", challenge));
  }

  @Override
  public String toString() {
    if (!enabled()) {
      return "none";
    }
    return user == null ? "bearer" : "basic (user " + user + ")";
  }

  private static void requireSecret(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " must not be empty");
    }
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
