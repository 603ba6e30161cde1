package io.agentmetrics.stack.config;

/**
 * The header of every file the stack generates from other modules' artifacts, and the one command
 * that regenerates them all (the modules it reads are built first) ({@code
 * io.agentmetrics.stack.GeneratedFiles}).
 */
public final class GeneratedHeader {

  /** The command that regenerates every generated file of the stack. */
  public static final String REGENERATE_COMMAND =
      "./mvnw -B -q -pl stack -am process-classes -Pregenerate";

  private GeneratedHeader() {}

  /** Two comment lines: generated from {@code sources} by {@code generator}, and how to redo it. */
  public static String of(String sources, Class<?> generator) {
    return "# GENERATED from "
        + sources
        + " by "
        + generator.getName()
        + ". Do not edit:\n"
        + "# change the source files and run `"
        + REGENERATE_COMMAND
        + "` (a test fails when this is stale).\n";
  }
}
