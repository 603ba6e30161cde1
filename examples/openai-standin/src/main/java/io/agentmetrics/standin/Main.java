package io.agentmetrics.standin;

/**
 * Runs the stand-in provider on its own: {@code java -cp ... io.agentmetrics.standin.Main [port]
 * [every429] [every5xx]}. Port 0 picks a free one; the bound URL is printed.
 */
public final class Main {

  private Main() {}

  /** Starts the stand-in and serves until the process is stopped. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    int every429 = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int every5xx = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    OpenAiStandin standin =
        OpenAiStandin.builder().failEvery(every429, every5xx).build().start(port);
    System.out.println("OpenAI-compatible stand-in on " + standin.baseUrl() + "/v1");
  }
}
