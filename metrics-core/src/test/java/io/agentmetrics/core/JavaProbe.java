package io.agentmetrics.core;

import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a statement with the JDK's compiler against the test classpath, to show that a misuse of
 * a typed API does not compile.
 */
final class JavaProbe {

  private JavaProbe() {}

  /**
   * The compiler's errors for {@code statement} in a method of a class in {@code packageName} that
   * takes {@code parameter} (e.g. {@code "LlmSeries series"}); empty when it compiles.
   */
  static String errors(String packageName, String parameter, String statement) {
    String source =
        "package "
            + packageName
            + ";\n"
            + "class Probe {\n"
            + "  void call("
            + parameter
            + ") {\n"
            + "    "
            + statement
            + "\n  }\n}\n";
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + packageName.replace('.', '/') + "/Probe.java"),
            JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean ok =
        compiler
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-proc:none",
                    "-d",
                    System.getProperty("java.io.tmpdir") + "/agentmetrics-probe",
                    "-classpath",
                    System.getProperty("java.class.path")),
                null,
                List.of(file))
            .call();
    return ok ? "" : errors.toString();
  }
}
