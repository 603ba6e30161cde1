package io.agentmetrics.examples.springai;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ask {"question": "...", "stream": true}}: the agent's HTTP API ({@code stream}
 * is optional: the answer is streamed from the model, then sent whole).
 */
@RestController
public class AskController {

  private final SupportAgent agent;

  /** The controller of {@code agent}. */
  public AskController(SupportAgent agent) {
    this.agent = agent;
  }

  /** Answers {@code request.question}. */
  @PostMapping("/api/ask")
  public Map<String, String> ask(@RequestBody Map<String, Object> request) {
    String question = String.valueOf(request.getOrDefault("question", ""));
    boolean stream = Boolean.TRUE.equals(request.get("stream"));
    return Map.of("answer", agent.answer(question, stream));
  }
}
