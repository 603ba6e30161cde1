package io.agentmetrics.examples.springai;

import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/ask {"question": "..."}}: the agent's HTTP API. */
@RestController
public class AskController {

  private final SupportAgent agent;

  /** The controller of {@code agent}. */
  public AskController(SupportAgent agent) {
    this.agent = agent;
  }

  /** Answers {@code request.question}. */
  @PostMapping("/api/ask")
  public Map<String, String> ask(@RequestBody Map<String, String> request) {
    return Map.of("answer", agent.answer(request.getOrDefault("question", "")));
  }
}
