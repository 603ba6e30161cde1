package io.agentmetrics.dashboards.interpolate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateInterpolatorTest {

  // Variable syntax: $varname, ${var_name}, ${var_name:<format>} and the deprecated [[varname]].
  // https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/
  @Test
  void everySyntaxOfAVariableIsReplaced() {
    Map<String, VariableValue> vars = Map.of("server", VariableValue.single("web1"));

    assertThat(TemplateInterpolator.interpolate("up{instance=\"$server\"}", vars))
        .isEqualTo("up{instance=\"web1\"}");
    assertThat(TemplateInterpolator.interpolate("up{instance=\"${server}:9100\"}", vars))
        .isEqualTo("up{instance=\"web1:9100\"}");
    assertThat(TemplateInterpolator.interpolate("apps.frontend.[[server]].count", vars))
        .isEqualTo("apps.frontend.web1.count");
  }

  // "InfluxDB and Prometheus use regex expressions, so the same variable would be interpolated as
  // (host1|host2|host3). Every value would also be regex escaped."
  // https://grafana.com/docs/grafana/v8.5/variables/formatting-multi-value-variables/
  @Test
  void multipleValuesAreRegexEscapedAndJoinedAsAnAlternation() {
    Map<String, VariableValue> vars =
        Map.of("host", VariableValue.multi("host1", "host2", "host3"));

    assertThat(TemplateInterpolator.interpolate("up{instance=~\"$host\"}", vars))
        .isEqualTo("up{instance=~\"(host1|host2|host3)\"}");
  }

  @Test
  void prometheusEscapesRegexCharactersWithADoubleBackslashInsideTheStringLiteral() {
    // Grafana's prometheusSpecialRegexEscape: the regex sits in a PromQL string, so "\." is "\\."
    Map<String, VariableValue> vars = Map.of("model", VariableValue.multi("gpt-4.1", "o3(mini)"));

    assertThat(TemplateInterpolator.interpolate("{m=~\"$model\"}", vars))
        .isEqualTo("{m=~\"(gpt-4\\\\.1|o3\\\\(mini\\\\))\"}");
  }

  @Test
  void aDollarInAMultiValueVariableIsEscapedNotReadAsAGroupReference() {
    // It threw IllegalArgumentException ("Illegal group reference"); Grafana gives "\\$".
    Map<String, VariableValue> vars = Map.of("team", VariableValue.multi("ops$", "a^b"));

    assertThat(TemplateInterpolator.interpolate("{t=~\"$team\"}", vars))
        .isEqualTo("{t=~\"(ops\\\\$|a\\\\^b)\"}");
  }

  @Test
  void oneValueOfAMultiValueVariableIsEscapedWithoutParentheses() {
    Map<String, VariableValue> vars = Map.of("model", VariableValue.multi("gpt-4.1"));

    assertThat(TemplateInterpolator.interpolate("{m=~\"$model\"}", vars))
        .isEqualTo("{m=~\"gpt-4\\\\.1\"}");
  }

  @Test
  void aSingleValueVariableIsOnlyStringEscaped() {
    Map<String, VariableValue> vars = Map.of("model", VariableValue.single("gpt-4.1"));

    assertThat(TemplateInterpolator.interpolate("{m=\"$model\"}", vars))
        .isEqualTo("{m=\"gpt-4.1\"}");
  }

  // "Custom all value ... If a custom all value is used, then instead the value will be something
  // like * or all": the custom value is used as it is, without escaping.
  // https://grafana.com/docs/grafana/v8.5/variables/formatting-multi-value-variables/
  @Test
  void allWithACustomAllValueUsesThatValueVerbatim() {
    Map<String, VariableValue> vars = Map.of("job", VariableValue.allWithCustomValue(".+"));

    assertThat(TemplateInterpolator.interpolate("up{job=~\"$job\"}", vars))
        .isEqualTo("up{job=~\".+\"}");
    assertThat(TemplateInterpolator.interpolate("up{job=~\"${job:regex}\"}", vars))
        .isEqualTo("up{job=~\".+\"}");
  }

  @Test
  void allWithoutACustomAllValueJoinsEveryOption() {
    Map<String, VariableValue> vars =
        Map.of("job", VariableValue.allOf(java.util.List.of("api", "worker")));

    assertThat(TemplateInterpolator.interpolate("up{job=~\"$job\"}", vars))
        .isEqualTo("up{job=~\"(api|worker)\"}");
  }

  // Advanced variable format options, servers = ['test1.', 'test2'] and ['test1', 'test2'].
  // https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/#advanced-variable-format-options
  @Test
  void advancedFormatsGiveTheDocumentedResults() {
    Map<String, VariableValue> dotted = Map.of("servers", VariableValue.multi("test1.", "test2"));
    Map<String, VariableValue> plain = Map.of("servers", VariableValue.multi("test1", "test2"));

    assertThat(TemplateInterpolator.interpolate("${servers:regex}", dotted))
        .isEqualTo("(test1\\.|test2)");
    assertThat(TemplateInterpolator.interpolate("${servers:pipe}", dotted))
        .isEqualTo("test1.|test2");
    assertThat(TemplateInterpolator.interpolate("${servers:csv}", plain)).isEqualTo("test1,test2");
    assertThat(TemplateInterpolator.interpolate("${servers:doublequote}", plain))
        .isEqualTo("\"test1\",\"test2\"");
    assertThat(TemplateInterpolator.interpolate("${servers:singlequote}", plain))
        .isEqualTo("'test1','test2'");
    assertThat(TemplateInterpolator.interpolate("${servers:glob}", plain))
        .isEqualTo("{test1,test2}");
  }

  @Test
  void unknownVariablesAndBuiltInsAreLeftForLater() {
    Map<String, VariableValue> vars = Map.of("job", VariableValue.single("api"));

    assertThat(
            TemplateInterpolator.interpolate("rate(x{job=\"$job\"}[$__rate_interval]) $jobs", vars))
        .isEqualTo("rate(x{job=\"api\"}[$__rate_interval]) $jobs");
  }
}
