package io.agentmetrics.server.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A keystore (PKCS12 or JKS) holding the server's TLS key and certificate.
 *
 * @param path the keystore file
 * @param password its password (and the key's)
 */
public record TlsKeyStore(Path path, String password) {

  /** Validates the keystore settings. */
  public TlsKeyStore {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "TlsKeyStore[" + path + "]";
  }
}
