package io.agentmetrics.server.demo;

import java.util.List;

/** The simulated fleet of the demo: its agents, models, tools, channels, queues and stores. */
final class DemoFleet {

  private DemoFleet() {}

  /**
   * A model of the bundled price table, with its typical latency.
   *
   * @param provider the {@code gen_ai.provider.name}
   * @param name the model
   * @param operation chat or embeddings
   * @param medianSeconds median call duration
   * @param reasoning whether it spends reasoning tokens
   */
  record Model(
      String provider, String name, String operation, double medianSeconds, boolean reasoning) {}

  /**
   * An agent: its name, main and cheaper model, tools, skills, queue and channel.
   *
   * @param name the agent's name
   * @param model its usual model
   * @param routedModel the smaller model a router sends easy prompts to
   * @param tools tool names
   * @param skills skill names
   * @param queue the task queue it works from
   * @param channel the channel it talks on
   */
  record Agent(
      String name,
      Model model,
      Model routedModel,
      List<String> tools,
      List<String> skills,
      String queue,
      String channel) {}

  static final Model GPT_4O = new Model("openai", "gpt-4o", "chat", 1.8, false);
  static final Model GPT_4O_MINI = new Model("openai", "gpt-4o-mini", "chat", 0.9, false);
  static final Model O4_MINI = new Model("openai", "o4-mini", "chat", 4.0, true);
  static final Model CLAUDE_SONNET =
      new Model("anthropic", "claude-sonnet-4-5", "chat", 2.5, false);
  static final Model CLAUDE_HAIKU = new Model("anthropic", "claude-haiku-4-5", "chat", 0.8, false);
  static final Model GEMINI_FLASH = new Model("gcp.gemini", "gemini-2.5-flash", "chat", 0.7, true);
  static final Model MISTRAL_SMALL =
      new Model("mistral_ai", "mistral-small-latest", "chat", 0.6, false);
  static final Model EMBEDDINGS =
      new Model("openai", "text-embedding-3-small", "embeddings", 0.15, false);

  /** Every model the demo calls. */
  static final List<Model> MODELS =
      List.of(
          GPT_4O,
          GPT_4O_MINI,
          O4_MINI,
          CLAUDE_SONNET,
          CLAUDE_HAIKU,
          GEMINI_FLASH,
          MISTRAL_SMALL,
          EMBEDDINGS);

  static final List<Agent> AGENTS =
      List.of(
          new Agent(
              "support-agent",
              CLAUDE_SONNET,
              CLAUDE_HAIKU,
              List.of("search_tickets", "lookup_order", "send_email"),
              List.of("refund", "escalate_to_human"),
              "support",
              "slack"),
          new Agent(
              "research-agent",
              GPT_4O,
              GPT_4O_MINI,
              List.of("web_search", "fetch_url", "summarize"),
              List.of("deep_research"),
              "research",
              "web"),
          new Agent(
              "coding-agent",
              O4_MINI,
              GPT_4O_MINI,
              List.of("read_file", "run_tests", "git_diff"),
              List.of("code_review", "deploy"),
              "engineering",
              "api"),
          new Agent(
              "sales-agent",
              GEMINI_FLASH,
              MISTRAL_SMALL,
              List.of("crm_lookup", "calendar_book"),
              List.of("discount_approval"),
              "sales",
              "email"));

  static final List<String> VECTOR_STORES = List.of("pgvector", "qdrant");
  static final List<String> CACHES = List.of("prompt", "embedding", "response");
  static final List<String> FEATURES =
      List.of("ticket_triage", "report_generation", "code_review", "lead_scoring");
  static final List<String> VIOLATIONS =
      List.of("prompt_injection", "data_exfiltration", "pii_exposure");
  static final List<String> LLM_ERRORS =
      List.of("RateLimitError", "APITimeoutError", "InternalServerError");
  static final List<String> TOOL_ERRORS = List.of("ToolTimeout", "HttpError", "ValidationError");
}
