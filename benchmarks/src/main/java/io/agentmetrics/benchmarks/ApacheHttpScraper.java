package io.agentmetrics.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * {@code GET /metrics} through Apache HttpClient 5 (classic, blocking, one pooled keep-alive
 * connection), the body read into a reused buffer and discarded, as a scraper reads it. Content
 * decompression is off: with gzip the client reads the compressed bytes, which is what the server's
 * answer costs (the baselines compress and discard too). Stands beside the JDK {@code HttpClient}
 * measurement, whose own copying and thread hand-offs dominate at this size.
 */
final class ApacheHttpScraper implements AutoCloseable {

  private final CloseableHttpClient client;
  private final HttpGet request;
  private final byte[] buffer = new byte[64 * 1024];

  ApacheHttpScraper(int port, String accept, boolean gzip) {
    client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(1)
                    .setMaxConnPerRoute(1)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .disableContentCompression()
            .disableAutomaticRetries()
            .build();
    request = new HttpGet("http://127.0.0.1:" + port + "/metrics");
    request.setHeader("Accept", accept);
    if (gzip) {
      request.setHeader("Accept-Encoding", "gzip");
    }
  }

  /** One scrape; returns the number of body bytes read. */
  long scrape() throws IOException {
    return client.execute(
        request,
        response -> {
          if (response.getCode() != 200) {
            throw new IllegalStateException("scrape answered " + response.getCode());
          }
          HttpEntity entity = response.getEntity();
          long total = 0;
          try (InputStream body = entity.getContent()) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
              total += n;
            }
          }
          return total;
        });
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
