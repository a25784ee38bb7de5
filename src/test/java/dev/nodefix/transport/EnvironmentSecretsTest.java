package dev.nodefix.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.secret.Secret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentSecretsTest {
    private static final Map<String, String> ENV = Map.of(
            "NODEFIX_SSH_PASSWORD", "login-pw", "NODEFIX_KEY_PASSPHRASE", "key-pp", "NODEFIX_BECOME_PASSWORD", "",
            "HOME", "/root");

    @Test
    void readsEachKindFromItsVariable() {
        EnvironmentSecrets secrets = new EnvironmentSecrets(ENV);
        assertThat(secrets.get(SecretSource.Kind.LOGIN_PASSWORD, "root")).contains(Secret.of("login-pw"));
        assertThat(secrets.get(SecretSource.Kind.KEY_PASSPHRASE, "/k")).contains(Secret.of("key-pp"));
        assertThat(secrets.get(SecretSource.Kind.BECOME_PASSWORD, "sudo")).isEmpty(); // empty counts as unset
    }

    @Test
    void fallsBackForWhatTheEnvironmentLacks() {
        SecretSource prompt = (kind, subject) -> Optional.of(Secret.of("typed for " + subject));
        EnvironmentSecrets secrets = new EnvironmentSecrets(Map.of("NODEFIX_SSH_PASSWORD", "env"), prompt);
        assertThat(secrets.get(SecretSource.Kind.LOGIN_PASSWORD, "root")).contains(Secret.of("env"));
        assertThat(secrets.get(SecretSource.Kind.BECOME_PASSWORD, "sudo")).contains(Secret.of("typed for sudo"));
    }

    @Test
    void neverPrintsAValue() {
        EnvironmentSecrets secrets = new EnvironmentSecrets(ENV);
        assertThat(secrets.toString()).isEqualTo("EnvironmentSecrets[NODEFIX_KEY_PASSPHRASE, NODEFIX_SSH_PASSWORD]")
                .doesNotContain("login-pw", "key-pp", "/root");
        assertThat(secrets.get(SecretSource.Kind.LOGIN_PASSWORD, "x").orElseThrow().toString()).isEqualTo("****");
    }
}
