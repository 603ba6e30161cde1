package io.agentmetrics.mcp;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.McpNames;
import io.agentmetrics.core.IntegrationGuard;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A client transport that times each request it sends until the response with the same id comes
 * back, and the session from connecting to closing. A JSON-RPC error is an error of its code; a
 * {@code tools/call} result with {@code isError} is the error {@code tool_error} (the client does
 * not throw for it). At most {@value #MAX_PENDING} requests are timed at once (one more is counted
 * in {@code agentmetrics_integration_failures_total}); a request whose response never comes (a
 * timeout) is dropped when the session closes.
 */
final class TimedClientTransport implements McpClientTransport {

  static final int MAX_PENDING = 10_000;

  private final McpClientTransport delegate;
  private final String network;
  private final AgentMetrics metrics;
  private final IntegrationGuard failures;
  private final Map<Object, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile long connectedAt;

  /** A request on its way: its method, the tool it calls, when it left. */
  private record Pending(String method, String tool, long start) {}

  TimedClientTransport(
      McpClientTransport delegate,
      String network,
      AgentMetrics metrics,
      IntegrationGuard failures) {
    this.delegate = delegate;
    this.network = network;
    this.metrics = metrics;
    this.failures = failures;
  }

  @Override
  public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    connectedAt = metrics.ticker().nanos();
    return delegate
        .connect(inbound -> handler.apply(inbound.doOnNext(this::received)))
        .doOnError(error -> sessionEnded(ErrorTypes.of(error)));
  }

  @Override
  public Mono<Void> sendMessage(JSONRPCMessage message) {
    if (message instanceof JSONRPCRequest request && request.id() != null) {
      failures.guard("request", () -> sent(request));
      return delegate
          .sendMessage(message)
          .doOnError(error -> failures.guard("request", () -> failed(request, error)));
    }
    return delegate.sendMessage(message);
  }

  private void sent(JSONRPCRequest request) {
    if (pending.size() < MAX_PENDING) {
      pending.put(
          request.id(), new Pending(request.method(), toolOf(request), metrics.ticker().nanos()));
    }
  }

  private void failed(JSONRPCRequest request, Throwable error) {
    Pending left = pending.remove(request.id());
    if (left != null) {
      record(left, ErrorTypes.of(error));
    }
  }

  private void received(JSONRPCMessage message) {
    if (message instanceof JSONRPCResponse response && response.id() != null) {
      failures.guard(
          "response",
          () -> {
            Pending left = pending.remove(response.id());
            if (left != null) {
              record(left, errorOf(left, response));
            }
          });
    }
  }

  private void record(Pending request, String errorType) {
    metrics.mcpClientOperation(
        request.method(),
        request.tool(),
        network,
        metrics.ticker().secondsSince(request.start()),
        errorType);
  }

  private static String toolOf(JSONRPCRequest request) {
    if (McpNames.TOOLS_CALL.equals(request.method())) {
      if (request.params() instanceof McpSchema.CallToolRequest call) {
        return call.name();
      }
      if (request.params() instanceof Map<?, ?> params && params.get("name") instanceof String n) {
        return n;
      }
    }
    return null;
  }

  private static String errorOf(Pending request, JSONRPCResponse response) {
    if (response.error() != null) {
      return String.valueOf(response.error().code());
    }
    if (McpNames.TOOLS_CALL.equals(request.method()) && isError(response.result())) {
      return McpNames.TOOL_ERROR;
    }
    return null;
  }

  private static boolean isError(Object result) {
    if (result instanceof McpSchema.CallToolResult call) {
      return Boolean.TRUE.equals(call.isError());
    }
    return result instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("isError"));
  }

  private void sessionEnded(String errorType) {
    if (ended.compareAndSet(false, true)) {
      pending.clear();
      failures.guard(
          "session",
          () ->
              metrics.mcpClientSession(
                  network, metrics.ticker().secondsSince(connectedAt), errorType));
    }
  }

  @Override
  public Mono<Void> closeGracefully() {
    // Before the completion goes downstream (a caller blocking on it sees the session recorded).
    return delegate
        .closeGracefully()
        .doOnTerminate(() -> sessionEnded(null))
        .doOnCancel(() -> sessionEnded(null));
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      sessionEnded(null);
    }
  }

  @Override
  public void setExceptionHandler(Consumer<Throwable> handler) {
    delegate.setExceptionHandler(handler);
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return delegate.unmarshalFrom(data, type);
  }

  @Override
  public List<String> protocolVersions() {
    return delegate.protocolVersions();
  }
}
