package io.agentmetrics.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for an OpenAI-compatible provider: {@code POST /v1/chat/completions}, plain and
 * streamed (server-sent events), with the usage a real provider reports (cached and reasoning
 * tokens included), tool calls when the request offers tools, and 429 and 5xx answers on a
 * schedule. It plays the provider only: the frameworks and bridges that call it are the real ones.
 *
 * <p>The script: a request that offers tools and has no tool result yet is answered with a call of
 * the first tool, its first string parameter set to the last user message; any other request is
 * answered with text that quotes the last message (the tool result, or the user's question). A
 * judge's prompt (one that asks to evaluate and to answer yes or no, as Spring AI's evaluators do)
 * is answered {@code YES}, or {@code NO} when it holds "I don't know".
 */
public final class OpenAiStandin implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A judge's prompt: it asks to evaluate and to answer yes or no (Spring AI's evaluators). */
  private static final Pattern JUDGE =
      Pattern.compile("(?is)(?=.*\\bevaluate)(?=.*\\byes\\b)(?=.*\\bno\\b)");

  /** What makes the judge say no: the text under review admits it does not know. */
  private static final Pattern DOUBT = Pattern.compile("(?i)I don't know");

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiStandin.class);

  private final Settings settings;
  private final AtomicLong requests = new AtomicLong();
  private final Javalin app;

  private OpenAiStandin(Settings settings) {
    this.settings = settings;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.post("/v1/chat/completions", this::chat);
              config.routes.post("/chat/completions", this::chat);
              config.routes.post("/v1/embeddings", this::embeddings);
              config.routes.post("/embeddings", this::embeddings);
            });
  }

  /** A stand-in with the default settings, not started. */
  public static Builder builder() {
    return new Builder();
  }

  /** Binds {@code port} on 127.0.0.1 (0 for a free one) and serves. */
  public OpenAiStandin start(int port) {
    app.start("127.0.0.1", port);
    return this;
  }

  /** The bound port. */
  public int port() {
    return app.port();
  }

  /** The base URL clients configure, without the {@code /v1} suffix. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Chat requests served so far, failed ones included. */
  public long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void chat(Context ctx) throws IOException, InterruptedException {
    long number = requests.incrementAndGet();
    JsonNode request = JSON.readTree(ctx.bodyAsBytes());
    LOG.debug("chat request {}: {}", number, request);
    Failure failure = settings.failures.apply(number);
    if (failure != null) {
      fail(ctx, failure);
      return;
    }
    String model = request.path("model").asText("gpt-5-mini");
    Answer answer = answer(request);
    Usage usage = settings.usage.apply(request);
    if (request.path("stream").asBoolean(false)) {
      stream(ctx, model, answer, usage, request.path("stream_options").path("include_usage"));
    } else {
      ctx.contentType("application/json");
      ctx.result(JSON.writeValueAsBytes(completion(number, model, answer, usage)));
    }
  }

  /**
   * {@code POST /v1/embeddings}: a deterministic 8-dimensional unit vector per input (from the
   * text's hash, so not semantic: real embeddings are the in-process model's job), as floats or
   * base64 as asked, with about a token per 4 characters as usage.
   */
  private void embeddings(Context ctx) throws IOException {
    JsonNode request = JSON.readTree(ctx.bodyAsBytes());
    LOG.debug("embeddings request: {}", request);
    JsonNode input = request.path("input");
    List<String> texts = new ArrayList<>();
    if (input.isArray()) {
      input.forEach(text -> texts.add(text.asText()));
    } else {
      texts.add(input.asText());
    }
    ObjectNode response = JSON.createObjectNode();
    response.put("object", "list");
    response.put("model", request.path("model").asText("text-embedding-3-small"));
    ArrayNode data = response.putArray("data");
    long tokens = 0;
    boolean base64 = "base64".equals(request.path("encoding_format").asText());
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      float[] vector = vector(texts.get(i));
      if (base64) {
        // What the official clients ask for by default: little-endian float32, base64.
        java.nio.ByteBuffer bytes =
            java.nio.ByteBuffer.allocate(vector.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
          bytes.putFloat(value);
        }
        item.put("embedding", java.util.Base64.getEncoder().encodeToString(bytes.array()));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float value : vector) {
          values.add(value);
        }
      }
      tokens += Math.max(1, texts.get(i).length() / 4);
    }
    ObjectNode usage = response.putObject("usage");
    usage.put("prompt_tokens", tokens);
    usage.put("total_tokens", tokens);
    ctx.contentType("application/json");
    ctx.result(JSON.writeValueAsBytes(response));
  }

  /**
   * A unit vector with positive components from the text's hash: any two have a positive cosine.
   */
  private static float[] vector(String text) {
    java.util.Random random = new java.util.Random(text.hashCode());
    float[] vector = new float[8];
    double norm = 0;
    for (int d = 0; d < vector.length; d++) {
      vector[d] = (float) Math.abs(random.nextGaussian()) + 0.1f;
      norm += vector[d] * vector[d];
    }
    for (int d = 0; d < vector.length; d++) {
      vector[d] = (float) (vector[d] / Math.sqrt(norm));
    }
    return vector;
  }

  private static void fail(Context ctx, Failure failure) {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode body = error.putObject("error");
    body.put("message", failure.message());
    body.put("type", failure.status() == 429 ? "rate_limit_error" : "server_error");
    body.put("code", failure.status() == 429 ? "rate_limit_exceeded" : "server_error");
    if (failure.status() == 429) {
      ctx.header("Retry-After", "0");
    }
    ctx.status(failure.status()).contentType("application/json").result(error.toString());
  }

  private static Answer answer(JsonNode request) {
    JsonNode messages = request.path("messages");
    JsonNode last =
        messages.isArray() && !messages.isEmpty() ? messages.get(messages.size() - 1) : null;
    String lastText = last == null ? "" : text(last.path("content"));
    boolean hasToolResult = false;
    for (JsonNode message : messages) {
      hasToolResult |= "tool".equals(message.path("role").asText());
    }
    JsonNode tools = request.path("tools");
    if (tools.isArray() && !tools.isEmpty() && !hasToolResult) {
      JsonNode function = tools.get(0).path("function");
      ObjectNode arguments = JSON.createObjectNode();
      var names = function.path("parameters").path("properties").fieldNames();
      if (names.hasNext()) {
        arguments.put(names.next(), lastText);
      }
      return new Answer(null, function.path("name").asText(), arguments.toString());
    }
    if (JUDGE.matcher(lastText).find()) {
      return new Answer(DOUBT.matcher(lastText).find() ? "NO" : "YES", null, null);
    }
    return new Answer("You asked: " + lastText + ". Here is what I found.", null, null);
  }

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      text.append(part.path("text").asText());
    }
    return text.toString();
  }

  private static ObjectNode completion(long number, String model, Answer answer, Usage usage) {
    ObjectNode completion = header(number, model, "chat.completion");
    ObjectNode choice = completion.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (answer.toolName() != null) {
      message.putNull("content");
      toolCalls(message, answer, number);
      choice.put("finish_reason", "tool_calls");
    } else {
      message.put("content", answer.text());
      choice.put("finish_reason", "stop");
    }
    usage.writeTo(completion.putObject("usage"));
    return completion;
  }

  private void stream(Context ctx, String model, Answer answer, Usage usage, JsonNode withUsage)
      throws IOException, InterruptedException {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setHeader("Cache-Control", "no-cache");
    OutputStream out = ctx.res().getOutputStream();
    long number = requests.get();
    Thread.sleep(settings.firstChunkDelay.toMillis());
    List<ObjectNode> chunks = new ArrayList<>();
    if (answer.toolName() != null) {
      ObjectNode delta = chunk(number, model, chunks);
      delta.put("role", "assistant");
      toolCalls(delta, answer, number);
    } else {
      String[] words = answer.text().split("(?<= )");
      for (int i = 0; i < words.length; i++) {
        ObjectNode delta = chunk(number, model, chunks);
        if (i == 0) {
          delta.put("role", "assistant");
        }
        delta.put("content", words[i]);
      }
    }
    ObjectNode finish = header(number, model, "chat.completion.chunk");
    ObjectNode choice = finish.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("delta");
    choice.put("finish_reason", answer.toolName() != null ? "tool_calls" : "stop");
    chunks.add(finish);
    for (int i = 0; i < chunks.size(); i++) {
      if (i > 0) {
        Thread.sleep(settings.chunkDelay.toMillis());
      }
      send(out, chunks.get(i).toString());
    }
    if (withUsage.asBoolean(false)) {
      ObjectNode last = header(number, model, "chat.completion.chunk");
      last.putArray("choices");
      usage.writeTo(last.putObject("usage"));
      send(out, last.toString());
    }
    send(out, "[DONE]");
  }

  private static ObjectNode chunk(long number, String model, List<ObjectNode> chunks) {
    ObjectNode chunk = header(number, model, "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putNull("finish_reason");
    chunks.add(chunk);
    return choice.putObject("delta");
  }

  private static void toolCalls(ObjectNode message, Answer answer, long number) {
    ArrayNode calls = message.putArray("tool_calls");
    ObjectNode call = calls.addObject();
    call.put("index", 0);
    call.put("id", "call_" + number);
    call.put("type", "function");
    ObjectNode function = call.putObject("function");
    function.put("name", answer.toolName());
    function.put("arguments", answer.toolArguments());
  }

  private static ObjectNode header(long number, String model, String object) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", "chatcmpl-" + number);
    node.put("object", object);
    node.put("created", 1_767_225_600L);
    node.put("model", model);
    return node;
  }

  private static void send(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** What one answer says: text, or a call of a tool with its JSON arguments. */
  private record Answer(String text, String toolName, String toolArguments) {}

  /**
   * The usage a response reports, as OpenAI reports it: cached tokens are a part of the input,
   * reasoning tokens a part of the output.
   */
  public record Usage(long input, long output, long cached, long reasoning) {

    void writeTo(ObjectNode usage) {
      usage.put("prompt_tokens", input);
      usage.put("completion_tokens", output);
      usage.put("total_tokens", input + output);
      usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
      usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
    }

    /**
     * About a token per 4 characters of the request's messages, a fixed answer length, half the
     * input cached from the second turn on, and a tenth of the output spent reasoning.
     */
    public static Usage estimate(JsonNode request) {
      long chars = 0;
      int turns = 0;
      for (JsonNode message : request.path("messages")) {
        chars += message.toString().length();
        turns++;
      }
      long input = Math.max(1, chars / 4);
      long output = 40;
      return new Usage(input, output, turns > 2 ? input / 2 : 0, output / 10);
    }
  }

  /** An error answer: its HTTP status and message. */
  public record Failure(int status, String message) {}

  private record Settings(
      Duration firstChunkDelay,
      Duration chunkDelay,
      Function<JsonNode, Usage> usage,
      Function<Long, Failure> failures) {}

  /** Configures an {@link OpenAiStandin}. */
  public static final class Builder {
    private Duration firstChunkDelay = Duration.ofMillis(150);
    private Duration chunkDelay = Duration.ofMillis(20);
    private Function<JsonNode, Usage> usage = Usage::estimate;
    private Function<Long, Failure> failures = number -> null;

    private Builder() {}

    /** How long a streamed answer waits before its first chunk (150 ms by default). */
    public Builder firstChunkDelay(Duration delay) {
      this.firstChunkDelay = Objects.requireNonNull(delay);
      return this;
    }

    /** How long a streamed answer waits between chunks (20 ms by default). */
    public Builder chunkDelay(Duration delay) {
      this.chunkDelay = Objects.requireNonNull(delay);
      return this;
    }

    /** The usage every answer reports, from its request ({@link Usage#estimate} by default). */
    public Builder usage(Function<JsonNode, Usage> usage) {
      this.usage = Objects.requireNonNull(usage);
      return this;
    }

    /** The same usage for every answer. */
    public Builder usage(Usage usage) {
      return usage(request -> usage);
    }

    /**
     * Which requests fail: given the request's number (from 1), a failure or null. None by default.
     */
    public Builder failures(Function<Long, Failure> failures) {
      this.failures = Objects.requireNonNull(failures);
      return this;
    }

    /** Every {@code every429}-th request gets a 429, every {@code every5xx}-th a 503 (0: never). */
    public Builder failEvery(int every429, int every5xx) {
      return failures(
          number -> {
            if (every429 > 0 && number % every429 == 0) {
              return new Failure(429, "Rate limit reached for requests");
            }
            if (every5xx > 0 && number % every5xx == 0) {
              return new Failure(503, "The server is overloaded");
            }
            return null;
          });
    }

    /** The stand-in, not started. */
    public OpenAiStandin build() {
      return new OpenAiStandin(new Settings(firstChunkDelay, chunkDelay, usage, failures));
    }
  }
}
