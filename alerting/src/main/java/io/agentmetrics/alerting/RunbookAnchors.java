package io.agentmetrics.alerting;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The heading anchors GitHub generates for a Markdown document: the heading text in lower case,
 * without punctuation, spaces turned into hyphens, and {@code -1}, {@code -2} ... appended to
 * repeated anchors.
 */
public final class RunbookAnchors {

  private RunbookAnchors() {}

  /** The anchors of every ATX heading ({@code # ...}) outside fenced code blocks, in order. */
  public static Set<String> of(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inFence = !inFence;
        continue;
      }
      if (inFence || !line.matches("^ {0,3}#{1,6}\\s.*")) {
        continue;
      }
      String text = trimmed.replaceFirst("^#{1,6}\\s+", "").replaceFirst("\\s+#+\\s*$", "");
      String slug = slug(text);
      int count = seen.merge(slug, 1, Integer::sum);
      anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
    }
    return anchors;
  }

  /**
   * The anchor of one heading text, e.g. {@code "Target down (up == 0)"} → {@code
   * target-down-up--0}.
   */
  public static String slug(String heading) {
    String plain = heading.replaceAll("`|\\*\\*|__", "").toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(plain.length());
    plain
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                out.appendCodePoint(cp);
              } else if (cp == ' ') {
                out.append('-');
              }
            });
    return out.toString();
  }
}
