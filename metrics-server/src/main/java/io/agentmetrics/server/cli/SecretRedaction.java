package io.agentmetrics.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps credentials out of the server's logs at every level, whatever logback configuration is in
 * force (the built-in one or a user's {@code -Dlogback.configurationFile}), as a logback turbo
 * filter that drops, before any appender sees them:
 *
 * <ul>
 *   <li>every event below INFO from Jetty ({@code org.eclipse.jetty}): at DEBUG and TRACE Jetty
 *       dumps request headers and raw request bytes, credentials included, sometimes cut in the
 *       middle, so no part of it can be shown to be clean;
 *   <li>every event whose message or exception mentions an {@code Authorization} header, or holds a
 *       configured secret (tokens, passwords, and the Base64 form of basic credentials).
 * </ul>
 *
 * It survives a reset of the logging context (logback's reload on change).
 */
final class SecretRedaction extends TurboFilter implements LoggerContextListener {

  private static final String RAW_HTTP_LOGGERS = "org.eclipse.jetty";
  private static final String HEADER = "authorization";

  private final List<String> secrets;

  private SecretRedaction(Collection<String> secrets) {
    this.secrets = secrets.stream().filter(Objects::nonNull).filter(s -> !s.isEmpty()).toList();
    setName("agentmetrics-secret-redaction");
  }

  /**
   * Installs the filter for {@code secrets} when logback is the SLF4J backend; otherwise (an
   * application with another backend) does nothing.
   */
  static void install(Collection<String> secrets) {
    if (!isLogbackBackend()) {
      return;
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    SecretRedaction filter = new SecretRedaction(secrets);
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    context.addListener(filter);
  }

  /** The credentials of basic auth as clients send them: Base64 of {@code user:password}. */
  static String basicCredentials(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isLogbackBackend() {
    try {
      return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
    } catch (NoClassDefFoundError e) {
      return false;
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
      return FilterReply.NEUTRAL; // not logged anyway; also the path of every disabled call
    }
    if (!level.isGreaterOrEqual(Level.INFO) && logger.getName().startsWith(RAW_HTTP_LOGGERS)) {
      return FilterReply.DENY;
    }
    String message =
        format == null ? "" : MessageFormatter.arrayFormat(format, params).getMessage();
    if (reveals(message)) {
      return FilterReply.DENY;
    }
    Throwable thrown = t != null ? t : MessageFormatter.getThrowableCandidate(params);
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (reveals(String.valueOf(cause.getMessage()))) {
        return FilterReply.DENY;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return FilterReply.NEUTRAL;
  }

  private boolean reveals(String text) {
    if (text.toLowerCase(Locale.ROOT).contains(HEADER)) {
      return true;
    }
    for (String secret : secrets) {
      if (text.contains(secret)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean isResetResistant() {
    return true;
  }

  @Override
  public void onReset(LoggerContext context) {
    // A reset removes the turbo filters; this listener stays (reset-resistant) and puts it back.
    context.addTurboFilter(this);
  }

  @Override
  public void onStart(LoggerContext context) {}

  @Override
  public void onStop(LoggerContext context) {}

  @Override
  public void onLevelChange(Logger logger, Level level) {}
}
