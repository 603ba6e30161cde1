package io.agentmetrics.langchain4j;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpCallContext;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpClientListener;
import dev.langchain4j.mcp.client.McpException;
import dev.langchain4j.mcp.client.McpGetPromptResult;
import dev.langchain4j.mcp.client.McpPrompt;
import dev.langchain4j.mcp.client.McpReadResourceResult;
import dev.langchain4j.mcp.client.McpResource;
import dev.langchain4j.mcp.client.McpResourceTemplate;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.mcp.protocol.McpCallToolParams;
import dev.langchain4j.mcp.protocol.McpClientMethod;
import dev.langchain4j.mcp.protocol.McpClientRequest;
import dev.langchain4j.service.tool.ToolExecutionResult;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.ErrorTypes;
import io.agentmetrics.api.McpNames;
import io.agentmetrics.core.IntegrationGuard;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * LangChain4j's MCP client ({@code langchain4j-mcp}) recorded as the GenAI conventions' MCP client
 * metrics: each operation (initialize, tools/list, tools/call, resources, prompts, ping) timed from
 * LangChain4j's {@code before...} to its {@code after...} or {@code on...Error} event, and the
 * session from building the client to closing it. One line per client:
 *
 * <pre>{@code
 * McpClient orders = new McpClientRecorder(bridge)
 *     .open(DefaultMcpClient.builder().key("orders"), transport);
 * }</pre>
 *
 * A tool result with {@code isError} is the error {@code tool_error} (its listeners see the result;
 * LangChain4j then throws it as a {@code ToolExecutionException}, which an AI service hands to the
 * model), a JSON-RPC error its code (LangChain4j keeps it in the {@code McpException} or {@code
 * ToolExecutionException} it throws), any other failure its exception's class. A paginated list is
 * one operation however many pages it takes. Stdio is {@code network.transport} {@code pipe}, every
 * other transport {@code tcp}.
 */
public final class McpClientRecorder {

  /** At most this many operations are timed at once; one more is counted as a bridge failure. */
  static final int MAX_PENDING = 10_000;

  private static final Map<McpClientMethod, String> WIRE_NAMES = wireNames();

  private final AgentMetrics metrics;
  private final IntegrationGuard failures;

  /** A recorder for clients of the application that {@code bridge} records. */
  public McpClientRecorder(LangChain4jBridge bridge) {
    Objects.requireNonNull(bridge, "bridge");
    this.metrics = bridge.metrics();
    this.failures = bridge.failures();
  }

  /**
   * Builds the client of {@code builder} on {@code transport} with the listener that times its
   * operations, and returns it wrapped so that closing it records the session (from now).
   */
  public McpClient open(DefaultMcpClient.Builder builder, McpTransport transport) {
    String network = networkOf(Objects.requireNonNull(transport, "transport"));
    long start = metrics.ticker().nanos();
    McpClient client;
    try {
      client = builder.transport(transport).addListener(new Listener(network)).build();
    } catch (RuntimeException e) {
      sessionEnded(network, start, ErrorTypes.of(e));
      throw e;
    }
    return sessionTimed(client, network, start);
  }

  /**
   * The listener alone, for a client built elsewhere ({@code builder.addListener(..)}): its
   * operations are timed, its session is not.
   */
  public McpClientListener listener(McpTransport transport) {
    return new Listener(networkOf(Objects.requireNonNull(transport, "transport")));
  }

  private static String networkOf(McpTransport transport) {
    return transport instanceof StdioMcpTransport ? McpNames.PIPE : McpNames.TCP;
  }

  private McpClient sessionTimed(McpClient client, String network, long start) {
    AtomicBoolean ended = new AtomicBoolean();
    return (McpClient)
        Proxy.newProxyInstance(
            McpClient.class.getClassLoader(),
            new Class<?>[] {McpClient.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  default -> "recorded " + client;
                };
              }
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              } finally {
                if ("close".equals(method.getName())
                    && method.getParameterCount() == 0
                    && ended.compareAndSet(false, true)) {
                  sessionEnded(network, start, null);
                }
              }
            });
  }

  private void sessionEnded(String network, long start, String errorType) {
    failures.guard(
        "mcp session",
        () -> metrics.mcpClientSession(network, metrics.ticker().secondsSince(start), errorType));
  }

  /** One client's listener: each operation from its start event to its end event, by request id. */
  private final class Listener implements McpClientListener {

    private final String network;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    /** An operation on its way: its method, the tool it calls, when it started. */
    private record Pending(String method, String tool, long start) {}

    Listener(String network) {
      this.network = network;
    }

    private void started(McpCallContext context) {
      failures.guard(
          "mcp request",
          () -> {
            if (pending.size() >= MAX_PENDING) {
              throw new IllegalStateException(
                  "more than " + MAX_PENDING + " MCP operations under way at once");
            }
            Long id = context.message().getId();
            if (id == null) {
              return; // a notification: nothing answers it
            }
            pending.put(
                id,
                new Pending(
                    WIRE_NAMES.get(context.message().method),
                    toolOf(context),
                    metrics.ticker().nanos()));
          });
    }

    private void ended(McpCallContext context, String errorType) {
      failures.guard(
          "mcp response",
          () -> {
            Long id = context.message().getId();
            Pending left = id == null ? null : pending.remove(id);
            if (left != null) {
              metrics.mcpClientOperation(
                  left.method(),
                  left.tool(),
                  network,
                  metrics.ticker().secondsSince(left.start()),
                  errorType);
            }
          });
    }

    private void failed(McpCallContext context, Throwable error) {
      ended(
          context,
          error instanceof McpException mcp
              ? String.valueOf(mcp.errorCode())
              : error instanceof ToolExecutionException tool && tool.errorCode() != null
                  ? String.valueOf(tool.errorCode())
                  : ErrorTypes.of(error));
    }

    @Override
    public void beforeInitialize(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterInitialize(McpCallContext context) {
      ended(context, null);
    }

    @Override
    public void onInitializeError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforeExecuteTool(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterExecuteTool(
        McpCallContext context, ToolExecutionResult result, Map<String, Object> meta) {
      ended(context, result != null && result.isError() ? McpNames.TOOL_ERROR : null);
    }

    @Override
    public void onExecuteToolError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforeToolsList(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterToolsList(McpCallContext context, java.util.List<ToolSpecification> t) {
      ended(context, null);
    }

    @Override
    public void onToolsListError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforeResourceGet(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterResourceGet(
        McpCallContext context, McpReadResourceResult result, Map<String, Object> meta) {
      ended(context, null);
    }

    @Override
    public void onResourceGetError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforeResourcesList(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterResourcesList(McpCallContext context, java.util.List<McpResource> r) {
      ended(context, null);
    }

    @Override
    public void onResourcesListError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforeResourceTemplatesList(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterResourceTemplatesList(
        McpCallContext context, java.util.List<McpResourceTemplate> r) {
      ended(context, null);
    }

    @Override
    public void onResourceTemplatesListError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforePromptGet(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterPromptGet(
        McpCallContext context, McpGetPromptResult result, Map<String, Object> meta) {
      ended(context, null);
    }

    @Override
    public void onPromptGetError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforePromptsList(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterPromptsList(McpCallContext context, java.util.List<McpPrompt> p) {
      ended(context, null);
    }

    @Override
    public void onPromptsListError(McpCallContext context, Throwable error) {
      failed(context, error);
    }

    @Override
    public void beforePing(McpCallContext context) {
      started(context);
    }

    @Override
    public void afterPing(McpCallContext context) {
      ended(context, null);
    }

    @Override
    public void onPingError(McpCallContext context, Throwable error) {
      failed(context, error);
    }
  }

  private static String toolOf(McpCallContext context) {
    return context.message() instanceof McpClientRequest request
            && request.getParams() instanceof McpCallToolParams call
        ? call.getName()
        : null;
  }

  /** The JSON-RPC method of each of LangChain4j's methods, from its own {@code @JsonProperty}. */
  private static Map<McpClientMethod, String> wireNames() {
    Map<McpClientMethod, String> names = new EnumMap<>(McpClientMethod.class);
    for (McpClientMethod method : McpClientMethod.values()) {
      try {
        JsonProperty property =
            McpClientMethod.class.getField(method.name()).getAnnotation(JsonProperty.class);
        names.put(method, property != null ? property.value() : method.name());
      } catch (NoSuchFieldException e) {
        names.put(method, method.name());
      }
    }
    return names;
  }
}
