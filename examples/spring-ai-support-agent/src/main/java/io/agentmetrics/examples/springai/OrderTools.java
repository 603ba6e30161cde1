package io.agentmetrics.examples.springai;

import io.agentmetrics.api.AgentMetrics;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The order service's tool, which the application serves over MCP (Spring AI's MCP server starter)
 * and its agent calls over MCP (Spring AI's MCP client starter): a question without an order number
 * is refused, which Spring AI's server answers as a tool error ({@code isError}).
 */
public class OrderTools {

  private static final Pattern ORDER = Pattern.compile("\\border (\\d+)");

  private final AgentMetrics metrics;

  OrderTools(AgentMetrics metrics) {
    this.metrics = metrics;
  }

  /** Looks an order up. */
  @Tool(description = "Looks an order up by the customer's question and tells its shipping state")
  public String lookupOrder(@ToolParam(description = "the customer's question") String question) {
    metrics.featureUsed("order_lookup");
    Matcher order = ORDER.matcher(question);
    if (!order.find()) {
      throw new IllegalArgumentException("No order number in the question.");
    }
    return "Order "
        + order.group(1)
        + " left the warehouse today; tracking number TRK-"
        + order.group(1)
        + ".";
  }
}
