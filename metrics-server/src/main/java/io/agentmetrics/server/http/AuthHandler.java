package io.agentmetrics.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** Refuses requests without the credentials of its {@link HttpAuth}; lets CORS preflights by. */
final class AuthHandler implements Handler {

  private final HttpAuth auth;

  AuthHandler(HttpAuth auth) {
    this.auth = auth;
  }

  @Override
  public void handle(Context ctx) {
    if (ctx.method() != HandlerType.OPTIONS && !auth.authorizes(ctx.header("Authorization"))) {
      throw auth.unauthorized();
    }
  }
}
