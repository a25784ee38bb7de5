package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roles from inventory/valid/roles.yaml: groups (directly or through children), then nodefix_role. */
class RoleResolverTest {
    private final Inventory roles = InventoryFixtures.valid("roles.yaml");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "ks1, SERVER",               // in k3s_server
        "ka1, AGENT",                // in k3s_agent
        "s1, SERVER",                // in server, under cluster
        "s_declared_agent, AGENT",   // nodefix_role wins over group server
        "g1, AGENT",                 // in gpu, a child of agent
        "plain, UNKNOWN",            // no role group, no variable
        "declared, SERVER",          // nodefix_role only
    })
    void role(String host, Role expected) {
        assertThat(roles.host(host).orElseThrow().role()).isEqualTo(expected);
    }
}
