package io.agentmetrics.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.ModelProvider;
import io.agentmetrics.api.Labels;
import org.junit.jupiter.api.Test;

/** Every provider LangChain4j names becomes one provider value the label allows. */
class ProviderNamesTest {

  @Test
  void everyModelProviderHasItsConventionsValue() {
    for (ModelProvider provider : ModelProvider.values()) {
      String name = ProviderNames.of(provider);
      assertThat(name.equals("_OTHER") || Labels.PROVIDER.policy().allows(name))
          .as(provider + " -> " + name)
          .isTrue();
      assertThat(name).as(provider.name()).doesNotContain("open_ai").doesNotContain("google_");
    }
    assertThat(ProviderNames.of(ModelProvider.OPEN_AI)).isEqualTo("openai");
    assertThat(ProviderNames.of(ModelProvider.AMAZON_BEDROCK)).isEqualTo("aws.bedrock");
    assertThat(ProviderNames.of(ModelProvider.GOOGLE_GENAI)).isEqualTo("gcp.gen_ai");
    assertThat(ProviderNames.of(ModelProvider.OTHER)).isEqualTo("_OTHER");
    assertThat(ProviderNames.of(null)).isEqualTo("_OTHER");
  }
}
