package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nodefix.vault.Vaulted;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What nodefix keeps beyond ansible-inventory's output for the cases under inventory/sources: where each
 * variable won (for --explain), the sources' label, and vaulted connection variables decrypted only when a
 * connection is asked for. (The values themselves are compared with ansible-inventory by
 * InventorySourcesParityTest.)
 */
class InventorySourcesTest {
    private static Path dir(String name) {
        try {
            return Path.of(InventorySourcesTest.class.getResource("/inventory/sources/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachVariableKeepsTheFileAndLineWhereItWon() {
        Path d = dir("playbook-dir");
        Host s1 = new InventoryParser(InventoryFixtures.HOME)
                .parse(List.of(d.resolve("inventory/hosts.ini")), Optional.of(d.resolve("playbooks"))).host("s1").orElseThrow();

        assertThat(s1.origin("p1")).contains(new Location(d + "/inventory/hosts.ini", 5, 4));
        assertThat(s1.origin("p2")).contains(new Location(d + "/inventory/host_vars/s1.yml", 1, 1));
        assertThat(s1.origin("p3")).contains(new Location(d + "/playbooks/host_vars/s1.yml", 2, 1));
        assertThat(s1.origin("p4")).contains(new Location(d + "/inventory/group_vars/all.yml", 2, 1));
        assertThat(s1.origin("p10")).contains(new Location(d + "/playbooks/group_vars/servers.yml", 2, 1));
        assertThat(s1.origin("p_all_inv")).contains(new Location(d + "/inventory/hosts.ini", 2, 1));
        assertThat(s1.origin("nowhere")).isEmpty();
    }

    @Test
    void aHostPortKeepsItsLine() {
        Path file = dir("ini-basics").resolve("hosts.ini");
        Inventory inventory = new InventoryParser(InventoryFixtures.HOME).parse(file);
        assertThat(inventory.host("loose2").orElseThrow().origin("ansible_port")).contains(new Location(file.toString(), 4, 1));
        assertThat(inventory.host("web-b").orElseThrow().connection().user()).contains("deploy user");
        assertThat(inventory.host("web-b").orElseThrow().connection().port()).isEqualTo(2222);
    }

    @Test
    void severalSourcesAreNamedTogether() {
        Path d = dir("multi-source");
        Inventory inventory = new InventoryParser(InventoryFixtures.HOME)
                .parse(List.of(d.resolve("a/hosts.yaml"), d.resolve("b/hosts.ini")));
        assertThat(inventory.source()).isEqualTo(d + "/a/hosts.yaml, " + d + "/b/hosts.ini");
    }

    @Test
    void aVaultedConnectionVariableNeedsAPasswordOnlyWhenConnecting() {
        Path d = dir("vaulted-no-password");
        Inventory inventory = new InventoryParser(InventoryFixtures.HOME).parse(d.resolve("inventory.yml"));
        Host host = inventory.host("192.16.35.11").orElseThrow();
        assertThat(host.vars().get("token")).isInstanceOf(Vaulted.class);

        InventoryException e = catchThrowableOfType(InventoryException.class, host::connection);

        assertThat(e.getMessage()).isEqualTo(d + "/group_vars/k3s_cluster.yml:1:15: ansible_user is vaulted;"
                + " give --vault-password-file or --ask-vault-pass");
    }

    @Test
    void onlyTheVaultedValuesAConnectionReadsAreDecrypted() {
        Path d = dir("vaulted-no-password");
        List<Vaulted> asked = new ArrayList<>();
        Inventory inventory = new InventoryParser(InventoryFixtures.HOME, v -> {
            asked.add(v);
            return "debian";
        }).parse(d.resolve("inventory.yml"));
        assertThat(asked).isEmpty();

        Connection connection = inventory.host("192.16.35.12").orElseThrow().connection();
        inventory.host("192.16.35.12").orElseThrow().connection();

        assertThat(connection.user()).contains("debian");
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).location()).isEqualTo(new Location(d + "/group_vars/k3s_cluster.yml", 1, 15));
    }

    @Test
    void aDecryptedConnectionValueIsCheckedLikeALiteralOne() {
        Path d = dir("vaulted-no-password");
        Host host = new InventoryParser(InventoryFixtures.HOME, v -> "{{ lookup('env', 'USER') }}")
                .parse(d.resolve("inventory.yml")).host("192.16.35.13").orElseThrow();

        InventoryException e = catchThrowableOfType(InventoryException.class, host::connection);

        assertThat(e.getMessage()).isEqualTo(d + "/group_vars/k3s_cluster.yml:1:15: (vaulted) ansible_user is a template ('****'); nodefix does not"
                + " evaluate templates in the variables it connects with, write the value itself");
    }

    @Test
    void aWholeVaultedVarsFileIsDecryptedAndRead() {
        Path d = dir("vaulted-group-vars-file");
        List<Vaulted> asked = new ArrayList<>();
        Inventory inventory = new InventoryParser(InventoryFixtures.HOME, v -> {
            asked.add(v);
            return "ansible_user: operator\n";
        }).parse(d.resolve("hosts.ini"));

        Host node = inventory.host("node2").orElseThrow();
        assertThat(node.connection().user()).contains("operator");
        assertThat(node.origin("ansible_user")).contains(new Location(d + "/group_vars/nodes.yml (decrypted)", 1, 1));
        assertThat(asked).hasSize(1);
    }
}
