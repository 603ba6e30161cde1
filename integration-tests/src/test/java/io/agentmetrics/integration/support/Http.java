package io.agentmetrics.integration.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' HTTP client: JSON in, JSON out, and a clear error for anything but 2xx. */
public final class Http {

  /** The shared JSON mapper. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** GETs {@code uri} and parses its JSON body; fails on a status other than 200. */
  public static JsonNode getJson(URI uri) {
    return json(send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET()), uri);
  }

  /** GETs {@code uri} with extra headers (name, value pairs) and parses its JSON body. */
  public static JsonNode getJson(URI uri, String... headers) {
    return json(send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).headers(headers).GET()), uri);
  }

  /** POSTs a JSON body and returns the response. */
  public static HttpResponse<String> postJson(URI uri, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  /** Sends a request; an I/O failure becomes an unchecked exception (Awaitility retries it). */
  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Parses the body of a 200 response. */
  public static JsonNode json(HttpResponse<String> response, URI uri) {
    if (response.statusCode() != 200) {
      throw new AssertionError(uri + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(uri + " answered invalid JSON: " + response.body(), e);
    }
  }
}
