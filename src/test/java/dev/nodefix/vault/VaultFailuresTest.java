package dev.nodefix.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code vault/failure-cases.yaml}: the value does not decrypt, and the {@link VaultException}
 * says why and where. {@link AnsibleVaultParityTest} checks that the real Ansible refuses the same cases.
 */
class VaultFailuresTest {
    static List<VaultCase> cases() {
        return VaultCase.load("/vault/failure-cases.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithReasonAndLocation(VaultCase c) {
        Vaulted vaulted = c.vaulted();

        VaultException e = catchThrowableOfType(() -> c.vault().apply(vaulted), VaultException.class);

        assertThat(e).as("a VaultException").isNotNull();
        assertThat(e.reason()).isEqualTo(VaultException.Reason.valueOf((String) c.expect().get("reason")));
        assertThat(e.location()).contains(vaulted.location());
        assertThat(e.getMessage()).startsWith(vaulted.location() + ": ").contains((String) c.expect().get("message"));
    }
}
