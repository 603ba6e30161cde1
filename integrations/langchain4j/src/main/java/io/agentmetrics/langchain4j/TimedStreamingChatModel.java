package io.agentmetrics.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.LlmCall;
import io.agentmetrics.api.LlmCallScope;
import io.agentmetrics.core.IntegrationGuard;
import java.util.List;
import java.util.Set;

/**
 * A streaming chat model that records each of its calls as an LLM call with what only the stream
 * shows: the time to the first chunk and the time between chunks, besides duration, tokens and
 * errors. A {@code ChatModelListener} sees no partial responses, so streamed calls are recorded
 * here instead: do not also register the bridge's chat model listener on the wrapped model.
 */
final class TimedStreamingChatModel implements StreamingChatModel {

  private final StreamingChatModel delegate;
  private final AgentMetrics metrics;
  private final String agent;
  private final String team;
  private final IntegrationGuard failures;
  private final WorkflowSteps steps;

  TimedStreamingChatModel(
      StreamingChatModel delegate,
      AgentMetrics metrics,
      String agent,
      String team,
      IntegrationGuard failures,
      WorkflowSteps steps) {
    this.delegate = delegate;
    this.metrics = metrics;
    this.agent = agent;
    this.team = team;
    this.failures = failures;
    this.steps = steps;
  }

  @Override
  public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
    delegate.chat(request, timed(request, handler));
  }

  @Override
  public void chat(
      ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
    delegate.chat(request, options, timed(request, handler));
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public List<ChatModelListener> listeners() {
    return delegate.listeners();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }

  private StreamingChatResponseHandler timed(
      ChatRequest request, StreamingChatResponseHandler handler) {
    LlmCallScope[] call = new LlmCallScope[1];
    failures.guard(
        "streaming chat request",
        () -> {
          call[0] =
              metrics
                  .startLlmCall(ProviderNames.of(delegate.provider()), model(request))
                  .agent(agent)
                  .team(team);
          steps.attributed(call[0].details());
        });
    return call[0] == null ? handler : new TimedHandler(handler, call[0]);
  }

  private String model(ChatRequest request) {
    if (request != null && request.modelName() != null) {
      return request.modelName();
    }
    ChatRequestParameters defaults = delegate.defaultRequestParameters();
    return defaults != null && defaults.modelName() != null ? defaults.modelName() : "unknown";
  }

  /** Passes every event on, marking chunks and recording the call when it ends. */
  private final class TimedHandler implements StreamingChatResponseHandler {
    private final StreamingChatResponseHandler handler;
    private final LlmCallScope call;

    TimedHandler(StreamingChatResponseHandler handler, LlmCallScope call) {
      this.handler = handler;
      this.call = call;
    }

    @Override
    public void onPartialResponse(String partialResponse) {
      failures.guard("streamed chunk", call::chunk);
      handler.onPartialResponse(partialResponse);
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      failures.guard("streamed chunk", call::chunk);
      handler.onPartialResponse(partial, context);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
      handler.onPartialThinking(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
      handler.onPartialThinking(partial, context);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
      handler.onPartialToolCall(partialToolCall);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
      handler.onPartialToolCall(partial, context);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
      handler.onCompleteToolCall(completeToolCall);
    }

    @Override
    public void onUnmappedRawEvent(Object event) {
      handler.onUnmappedRawEvent(event);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      failures.guard(
          "streamed response",
          () -> {
            TokenUsage usage = response == null ? null : response.tokenUsage();
            if (usage != null) {
              call.tokens(
                  ChatListener.orZero(usage.inputTokenCount()),
                  ChatListener.orZero(usage.outputTokenCount()));
              LlmCall.Builder details = call.details();
              OpenAiUsage.details(usage, details);
            }
            call.close();
          });
      handler.onCompleteResponse(response);
    }

    @Override
    public void onError(Throwable error) {
      failures.guard(
          "streamed error",
          () -> {
            call.failed(LangChain4jBridge.errorType(error));
            call.close();
          });
      handler.onError(error);
    }
  }
}
