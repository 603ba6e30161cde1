package io.agentmetrics.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * {@code GET /runbooks}: the runbooks of every alert ({@code docs/runbooks.md}, built into the jar)
 * as one HTML page whose headings carry the anchors the alerts' {@code runbook_url} point to, so
 * that the stack serves its own runbooks. Rendered once, with commonmark.
 */
final class RunbooksHandler implements Handler {

  /** Where the build puts docs/runbooks.md. */
  static final String RESOURCE = "runbooks.md";

  private final String html;

  RunbooksHandler() {
    List<Extension> extensions = List.of(HeadingAnchorExtension.create(), TablesExtension.create());
    String markdown = markdown();
    String body =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .build()
            .render(Parser.builder().extensions(extensions).build().parse(markdown));
    this.html =
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>agentmetrics runbooks</title>"
            + "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
            + "pre{background:#f4f4f4;padding:.5em;overflow-x:auto}</style></head><body>\n"
            + body
            + "</body></html>\n";
  }

  private static String markdown() {
    try (InputStream in = RunbooksHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the jar: the build copies it from docs/");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public void handle(Context ctx) {
    ctx.contentType("text/html; charset=utf-8").result(html);
  }
}
