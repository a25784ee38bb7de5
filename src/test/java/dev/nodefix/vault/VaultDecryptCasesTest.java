package dev.nodefix.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code vault/decrypt-cases.yaml}: a value the real ansible-vault encrypted decrypts to what Ansible shows. */
class VaultDecryptCasesTest {
    static List<VaultCase> cases() {
        return VaultCase.load("/vault/decrypt-cases.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decryptsAsAnsible(VaultCase c) {
        assertThat(c.vault().apply(c.vaulted())).isEqualTo(c.expect().get("expected"));
    }
}
