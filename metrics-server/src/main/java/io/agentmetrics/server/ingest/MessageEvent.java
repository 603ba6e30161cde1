package io.agentmetrics.server.ingest;

import io.agentmetrics.api.AgentMetrics;
import io.agentmetrics.api.Direction;
import io.agentmetrics.api.IngestEventType;
import io.agentmetrics.api.Labels;
import java.util.function.Consumer;

/** {@code message}: a message that passed through a channel, inbound or outbound. */
final class MessageEvent extends EventType {

  MessageEvent() {
    super(IngestEventType.MESSAGE);
  }

  @Override
  Consumer<AgentMetrics> read(String kind, EventFields f) throws InvalidEventException {
    String agent = f.label("agent", Labels.AGENT);
    String channel = f.label("channel", Labels.CHANNEL);
    Direction direction = f.choice("direction", Labels.DIRECTION, Direction::fromLabel);
    return metrics -> metrics.message(agent, channel, direction);
  }
}
