package io.agentmetrics.server.scrape;

import io.agentmetrics.server.scrape.MeterFamilies.Family;
import io.agentmetrics.server.scrape.MeterFamilies.Series;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes {@link MeterFamilies} in the Prometheus text format 0.0.4 or OpenMetrics 1.0 as
 * Micrometer's Prometheus registry exposes them (names, help, types, label escaping, number
 * formatting, a {@code _max} gauge family beside every timer and summary), with each series' labels
 * already encoded: per scrape it writes only names it keeps as bytes and the values.
 */
final class TextExposition {

  private static final byte[] HELP = bytes("# HELP ");
  private static final byte[] TYPE = bytes("# TYPE ");
  private static final byte[] EOF = bytes("# EOF\n");
  private static final byte[] LE = bytes("le=\"");
  private static final byte[] INF_BUCKET = bytes("le=\"+Inf\"} ");

  private final boolean openMetrics;

  TextExposition(boolean openMetrics) {
    this.openMetrics = openMetrics;
  }

  /** Writes every family but the {@code foreign} ones into {@code out}. */
  void write(MeterFamilies families, Set<String> foreign, ByteSink out) {
    for (Family family : families.families()) {
      Series[] series = family.series();
      if (series.length == 0 || foreign.contains(family.name)) {
        continue;
      }
      switch (family.kind) {
        case COUNTER -> counter(family, series, out);
        case GAUGE -> gauge(family.name, family.help, series, out);
        case HISTOGRAM, SUMMARY -> distribution(family, series, out);
      }
    }
    if (openMetrics) {
      out.write(EOF);
    }
  }

  private void counter(Family family, Series[] series, ByteSink out) {
    String total = family.name + "_total";
    header(openMetrics ? family.name : total, family.help, "counter", out);
    byte[] name = bytes(total);
    for (Series s : series) {
      start(name, s.labels(), out);
      out.writeDouble(MeterFamilies.count(s.meter()));
      out.write((byte) '\n');
    }
  }

  private void gauge(String familyName, String help, Series[] series, ByteSink out) {
    header(familyName, help, "gauge", out);
    byte[] name = bytes(familyName);
    for (Series s : series) {
      start(name, s.labels(), out);
      out.writeDouble(MeterFamilies.value(s.meter()));
      out.write((byte) '\n');
    }
  }

  private void distribution(Family family, Series[] series, ByteSink out) {
    boolean histogram = family.kind == MeterFamilies.Kind.HISTOGRAM;
    header(family.name, family.help, histogram ? "histogram" : "summary", out);
    byte[] bucket = bytes(family.name + "_bucket");
    byte[] count = bytes(family.name + "_count");
    byte[] sum = bytes(family.name + "_sum");
    double[] max = new double[series.length];
    for (int i = 0; i < series.length; i++) {
      Series s = series[i];
      HistogramSnapshot snapshot = MeterFamilies.snapshot(s.meter());
      boolean timer = MeterFamilies.isTimed(s.meter());
      if (histogram) {
        for (CountAtBucket b : snapshot.histogramCounts()) {
          double le = timer ? b.bucket(TimeUnit.SECONDS) : b.bucket();
          if (le == Double.POSITIVE_INFINITY) {
            continue;
          }
          bucketStart(bucket, s.labels(), out);
          out.write(LE);
          out.writeDouble(le);
          out.write((byte) '"');
          out.write((byte) '}');
          out.write((byte) ' ');
          out.writeLong((long) b.count());
          out.write((byte) '\n');
        }
        bucketStart(bucket, s.labels(), out);
        out.write(INF_BUCKET);
        out.writeLong(snapshot.count());
        out.write((byte) '\n');
      }
      start(count, s.labels(), out);
      out.writeLong(snapshot.count());
      out.write((byte) '\n');
      start(sum, s.labels(), out);
      out.writeDouble(timer ? snapshot.total(TimeUnit.SECONDS) : snapshot.total());
      out.write((byte) '\n');
      max[i] = timer ? snapshot.max(TimeUnit.SECONDS) : snapshot.max();
    }
    String maxName = family.name + "_max";
    header(maxName, family.help, "gauge", out);
    byte[] name = bytes(maxName);
    for (int i = 0; i < series.length; i++) {
      start(name, series[i].labels(), out);
      out.writeDouble(max[i]);
      out.write((byte) '\n');
    }
  }

  private void header(String name, String help, String type, ByteSink out) {
    if (openMetrics) {
      line(TYPE, name, type, out);
      line(HELP, name, escapeHelp(help), out);
    } else {
      line(HELP, name, escapeHelp(help), out);
      line(TYPE, name, type, out);
    }
  }

  private static void line(byte[] prefix, String name, String text, ByteSink out) {
    out.write(prefix);
    out.writeAscii(name);
    out.write((byte) ' ');
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.write((byte) '\n');
  }

  private String escapeHelp(String help) {
    if (help.indexOf('\\') < 0 && help.indexOf('\n') < 0 && help.indexOf('"') < 0) {
      return help;
    }
    StringBuilder out = new StringBuilder(help.length() + 8);
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(openMetrics ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code name_bucket{labels,} } up to where {@code le} follows. */
  private static void bucketStart(byte[] bucket, byte[] labels, ByteSink out) {
    out.write(bucket);
    out.write((byte) '{');
    if (labels.length > 0) {
      out.write(labels);
      out.write((byte) ',');
    }
  }

  private static void start(byte[] name, byte[] labels, ByteSink out) {
    out.write(name);
    if (labels.length > 0) {
      out.write((byte) '{');
      out.write(labels);
      out.write((byte) '}');
    }
    out.write((byte) ' ');
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
