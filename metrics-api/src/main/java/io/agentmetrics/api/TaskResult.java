package io.agentmetrics.api;

/**
 * One finished task.
 *
 * @param agent the agent that ran it
 * @param queue the queue it came from
 * @param status how it ended
 * @param durationSeconds how long it ran
 */
public record TaskResult(String agent, String queue, TaskStatus status, double durationSeconds) {}
