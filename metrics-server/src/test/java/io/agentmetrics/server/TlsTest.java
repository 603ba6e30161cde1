package io.agentmetrics.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentmetrics.core.MicrometerAgentMetrics;
import io.agentmetrics.server.http.TlsKeyStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

  private static final String PASSWORD = "test-keystore-pass";

  @Test
  void servesHttpsFromAKeystore(@TempDir Path dir) throws Exception {
    Path keystore = generateKeystore(dir);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MetricsServer server =
        MetricsServer.builder()
            .host("127.0.0.1")
            .port(0)
            .registry(registry)
            .metrics(MicrometerAgentMetrics.builder(registry).build())
            .tls(new TlsKeyStore(keystore, PASSWORD))
            .build()
            .start();
    try {
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("# TYPE");

      // Plain HTTP is not served on the TLS port.
      assertThatThrownBy(
              () ->
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(
                                  URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.io.IOException.class);
    } finally {
      server.stop();
      registry.close();
    }
  }

  @Test
  void servesOtlpGrpcOverTlsFromTheSameKeystore(@TempDir Path dir) throws Exception {
    Path keystore = generateKeystore(dir);
    try (TestServer server =
        new TestServer(b -> b.grpcPort(0).tls(new TlsKeyStore(keystore, PASSWORD)))) {
      TrustManagerFactory trust = trustManagers(keystore);
      String endpoint = "https://localhost:" + server.server.grpcPort();
      try (SdkTracerProvider tracing =
          SdkTracerProvider.builder()
              .setResource(OtlpJavaSdkTest.service("support-bot-py"))
              .addSpanProcessor(
                  BatchSpanProcessor.builder(
                          OtlpGrpcSpanExporter.builder()
                              .setEndpoint(endpoint)
                              .setSslContext(
                                  trusting(keystore),
                                  (X509TrustManager) trust.getTrustManagers()[0])
                              .build())
                      .build())
              .build()) {
        OtlpJavaSdkTest.conversation(tracing.get("agentmetrics-test"));
        assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      }
      HttpResponse<String> scrape =
          HttpClient.newBuilder()
              .sslContext(trusting(keystore))
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + server.server.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      OtlpJavaSdkTest.assertConversationRecorded(new Scrape(scrape.body()), 1);
    }
  }

  private static Path generateKeystore(Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return keystore;
  }

  /** Trust managers that trust the keystore's own certificate. */
  private static TrustManagerFactory trustManagers(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    return trust;
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers(keystore).getTrustManagers(), null);
    return context;
  }
}
