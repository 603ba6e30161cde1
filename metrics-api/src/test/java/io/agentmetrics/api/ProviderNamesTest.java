package io.agentmetrics.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one table of provider spellings, and the provider label's policy built from it. */
class ProviderNamesTest {

  @Test
  void everySpellingBecomesOneValueTheLabelAllows() {
    for (ProviderNames.Alias alias : ProviderNames.ALIASES) {
      assertThat(ProviderNames.canonical(alias.spelling())).isEqualTo(alias.provider());
      assertThat(ProviderNames.canonical(alias.spelling().toUpperCase()))
          .as("case does not matter")
          .isEqualTo(alias.provider());
      assertThat(
              Labels.PROVIDER.policy().allows(alias.provider())
                  || alias.provider().equals("_OTHER"))
          .as(alias.spelling())
          .isTrue();
    }
    assertThat(Labels.PROVIDER.policy().allowedValues())
        .containsExactlyElementsOf(ProviderNames.WELL_KNOWN);
  }

  @Test
  void wellKnownAndUnknownNamesStayAsTheyAre() {
    assertThat(ProviderNames.canonical("openai")).isEqualTo("openai");
    assertThat(ProviderNames.canonical(" OpenRouter ")).isEqualTo("openrouter");
    assertThat(ProviderNames.canonical("")).isNull();
    assertThat(ProviderNames.canonical(null)).isNull();
    assertThat(ProviderNames.canonical("az.ai.openai")).isEqualTo("azure.ai.openai");
    assertThat(ProviderNames.canonical("bedrock_converse")).isEqualTo("aws.bedrock");
    assertThat(ProviderNames.canonical("GOOGLE_VERTEX_AI_ANTHROPIC")).isEqualTo("gcp.vertex_ai");
  }
}
