package io.agentmetrics.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No password, key or token is committed in the stack: they come from .env or files. */
class NoCommittedSecretsTest {

  private static final Path FILE = Path.of("example");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "      GF_SECURITY_ADMIN_PASSWORD: admin",
        "      - GF_SECURITY_ADMIN_PASSWORD=changeme",
        "GF_SECURITY_ADMIN_PASSWORD: \"s3cret\"",
        "password: ${GRAFANA_ADMIN_PASSWORD:-admin}",
        "login with admin/admin",
        "  smtp_auth_password: hunter22",
        "  routing_key: 0123456789abcdef",
        "GRAFANA_ADMIN_PASSWORD=hunter22",
        "  slack_api_url: https://hooks.slack.com/services/T000/B000/XXXX",
        "-----BEGIN RSA PRIVATE KEY-----",
        "aws: AKIAABCDEFGHIJKLMNOP",
      })
  void findsCommittedCredentials(String line) {
    assertThat(SecretScanner.scan(FILE, line)).as(line).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "      GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:?set it in .env}",
        "GRAFANA_ADMIN_PASSWORD=",
        "GRAFANA_ADMIN_PASSWORD_FILE=./secrets/grafana/admin-password",
        "      GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/grafana_admin_password",
        "  password_file: /etc/alertmanager/secrets/smtp-password",
        "  routing_key_file: /etc/alertmanager/secrets/pagerduty",
        "# Choose a long random password, e.g. openssl rand -base64 24",
        "      GF_USERS_ALLOW_SIGN_UP: \"false\"",
        "  GF_SECURITY_ADMIN_USER: ${GRAFANA_ADMIN_USER:-admin}",
      })
  void acceptsReferencesToSecretsKeptElsewhere(String line) {
    assertThat(SecretScanner.scan(FILE, line)).as(line).isEmpty();
  }

  @Test
  void theStackCommitsNoSecret() {
    List<SecretScanner.Finding> findings = SecretScanner.scanTree(RepoFiles.resolve("stack"));

    assertThat(findings).isEmpty();
  }

  @Test
  void theScalingAndOperationsDocsCommitNoSecret() {
    for (String doc : List.of("docs/scaling.md", "docs/operations.md")) {
      Path file = RepoFiles.resolve(doc);
      assertThat(file).exists();
      assertThat(SecretScanner.scanTree(file)).as(doc).isEmpty();
    }
  }

  @Test
  void gitIgnoresTheEnvFileAndTheSecretFiles() throws Exception {
    assertThat(Files.readAllLines(RepoFiles.resolve(".gitignore"))).contains(".env");
    assertThat(Files.readString(RepoFiles.resolve("stack/secrets/alertmanager/.gitignore")))
        .startsWith("#")
        .contains("\n*\n");
    assertThat(Files.readString(RepoFiles.resolve("stack/secrets/grafana/.gitignore")))
        .startsWith("#")
        .contains("\n*\n");
    assertThat(Files.readString(RepoFiles.resolve("stack/.env.example")))
        .containsPattern("(?m)^GRAFANA_ADMIN_PASSWORD_FILE=\\./secrets/grafana/admin-password$")
        .doesNotContainPattern("(?m)^GRAFANA_ADMIN_PASSWORD=");
  }
}
