package io.agentmetrics.api.testing;

import io.agentmetrics.api.AgentMetrics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A recorder that misbehaves, for the bridges' tests: one facade method throws, every other one is
 * passed to a real recorder.
 */
public final class ThrowingRecorder {

  private ThrowingRecorder() {}

  /** {@code delegate}, except that {@code method} throws an {@link IllegalStateException}. */
  public static AgentMetrics throwingOn(String method, AgentMetrics delegate) {
    return (AgentMetrics)
        Proxy.newProxyInstance(
            ThrowingRecorder.class.getClassLoader(),
            new Class<?>[] {AgentMetrics.class},
            (proxy, called, args) -> {
              if (called.getName().equals(method)) {
                throw new IllegalStateException("registry closed");
              }
              try {
                return called.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
