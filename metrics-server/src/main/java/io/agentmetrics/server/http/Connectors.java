package io.agentmetrics.server.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the server's one Jetty connector: plain HTTP, or HTTPS from a keystore. */
public final class Connectors {

  private static final long SHUTDOWN_IDLE_MILLIS = 1000;

  private Connectors() {}

  /**
   * A connector on {@code host:port} (port 0 picks a free port), with TLS when {@code tls} is set.
   */
  public static Connector create(
      Server server,
      HttpConfiguration http,
      String host,
      int port,
      TlsKeyStore tls,
      long shutdownTimeoutMillis) {
    ServerConnector connector;
    if (tls == null) {
      connector = new ServerConnector(server, new HttpConnectionFactory(http));
    } else {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(tls.path().toAbsolutePath().toString());
      ssl.setKeyStorePassword(tls.password());
      ssl.setKeyManagerPassword(tls.password());
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // Scrapers address the server by IP as often as by name: do not demand SNI = Host.
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      connector =
          new ServerConnector(
              server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    }
    // On shutdown, connections idle for this long are closed (keep-alive scrapers' included);
    // requests that are progressing complete, up to the stop timeout.
    connector.setShutdownIdleTimeout(Math.min(SHUTDOWN_IDLE_MILLIS, shutdownTimeoutMillis));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
