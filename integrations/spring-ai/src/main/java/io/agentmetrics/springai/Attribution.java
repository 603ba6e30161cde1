package io.agentmetrics.springai;

/** The agent and team every event of the bridge is recorded under. */
record Attribution(String agent, String team) {}
