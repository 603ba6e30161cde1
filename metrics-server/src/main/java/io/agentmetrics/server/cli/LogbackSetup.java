package io.agentmetrics.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;

/**
 * The server's logging, set up in code (no XML to parse at startup): human-readable lines, or one
 * JSON object per line when the system property {@value #FORMAT_PROPERTY} is {@code json}. A
 * logback file given with {@code -Dlogback.configurationFile=...} (for example one adding a Loki
 * appender) replaces it entirely, as does a {@code logback.xml} or {@code logback-test.xml} on the
 * class path (an application embedding the server keeps its own logging).
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

  /** The system property that selects the format: {@code text} (default) or {@code json}. */
  public static final String FORMAT_PROPERTY = "agentmetrics.log.format";

  /** Logback instantiates it through the service loader. */
  public LogbackSetup() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ClassLoader classes = LogbackSetup.class.getClassLoader();
    if (System.getProperty("logback.configurationFile") != null
        || classes.getResource("logback-test.xml") != null
        || classes.getResource("logback.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setEncoder(encoder(context, "json".equals(System.getProperty(FORMAT_PROPERTY))));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    context.getLogger("io.javalin").setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
    if (json) {
      LogstashEncoder encoder = new LogstashEncoder();
      encoder.setContext(context);
      encoder.setCustomFields("{\"service\":\"agentmetrics-server\"}");
      encoder.start();
      return encoder;
    }
    TextLayout layout = new TextLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    return encoder;
  }
}
