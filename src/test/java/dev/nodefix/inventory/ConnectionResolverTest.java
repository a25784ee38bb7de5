package dev.nodefix.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections from inventory/valid/ssh-common-args.yaml and small inline inventories. */
class ConnectionResolverTest {
    private final Inventory sshArgs = InventoryFixtures.valid("ssh-common-args.yaml");

    @TempDir
    Path dir;

    private Connection connection(String host) {
        return sshArgs.host(host).orElseThrow().connection();
    }

    @Test
    void commonArgsGiveJumpPortKnownHostsAndHostKeyChecking() {
        assertThat(connection("via_group_jump")).isEqualTo(new Connection("192.0.2.21", 2200, Optional.of("ops"),
                Optional.empty(), false, Optional.empty(),
                Optional.of(new Jump(Optional.of("jumper"), "198.51.100.1", 2222)),
                Optional.of(Path.of("/home/test/.ssh/lab_known_hosts")), Optional.of("yes")));
    }

    @Test
    void ansiblePortWinsOverPortInCommonArgs() {
        assertThat(connection("own_port").port()).isEqualTo(2022);
    }

    @Test
    void nodefixJumpWinsOverProxyJump() {
        assertThat(connection("nodefix_jump_wins").jump())
                .contains(new Jump(Optional.of("admin"), "198.51.100.2", 22));
    }

    @Test
    void proxyJumpNoneMeansNoJumpAndTheFirstValueOfAnOptionWins() {
        Connection c = connection("no_jump");
        assertThat(c.jump()).isEmpty();
        assertThat(c.port()).isEqualTo(2201);
        assertThat(c.strictHostKeyChecking()).contains("no");
        assertThat(c.knownHostsFile()).isEmpty();
    }

    @Test
    void dashJWithIpv6KeyFileAndBecome() {
        Connection c = connection("dash_j");
        assertThat(c.jump()).contains(new Jump(Optional.empty(), "2001:db8::7", 2022));
        assertThat(c.jump().orElseThrow()).hasToString("[2001:db8::7]:2022");
        assertThat(c.knownHostsFile()).contains(Path.of("/dev/null"));
        assertThat(c.identityFile()).contains(Path.of("/home/test/.ssh/id_lab"));
        assertThat(c.become()).isTrue();
        assertThat(c.becomeUser()).contains("admin");
        assertThat(c.port()).isEqualTo(22);
    }

    @Test
    void withoutVariablesTheHostNameIsTheAddress() {
        Inventory inventory = InventoryFixtures.inline(dir, "web:\n  hosts:\n    node1:\n");
        assertThat(inventory.host("node1").orElseThrow().connection()).isEqualTo(Connection.to("node1"));
    }

    @Test
    void hostKeyPortAndOlderAliasesAreRead() {
        Inventory inventory = InventoryFixtures.inline(dir, """
                web:
                  hosts:
                    node1:2201:
                    node2:
                      ansible_ssh_host: 192.0.2.2
                      ansible_ssh_port: "2202"
                      ansible_ssh_user: legacy
                      ansible_private_key_file: ~/k
                      ansible_become: "On"
                """);
        assertThat(inventory.host("node1").orElseThrow().connection().port()).isEqualTo(2201);
        assertThat(inventory.host("node2").orElseThrow().connection()).isEqualTo(new Connection("192.0.2.2", 2202,
                Optional.of("legacy"), Optional.of(Path.of("/home/test/k")), true, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void sshArgsAreSplitLikeAShell() {
        SshArgs args = SshArgs.parse("-o 'ProxyJump=a@b:2' -oPort=23 -o \"UserKnownHostsFile ~/x y\" -o StrictHostKeyChecking=accept-new");
        assertThat(args.proxyJump()).contains("a@b:2");
        assertThat(args.port()).contains(23);
        assertThat(args.userKnownHostsFile()).contains("~/x");
        assertThat(args.strictHostKeyChecking()).contains("accept-new");
        assertThat(args.refused()).isEmpty();
        assertThat(ShellWords.split("a\\ b 'c d' \"e\\\"f\"")).containsExactly("a b", "c d", "e\"f");
    }

    @Test
    void sshArgsReadEveryFlagAsSshDoesAndKeepWhatNodefixCannotHonour() {
        SshArgs args = SshArgs.parse("-C -o ControlMaster=auto -o ControlPersist=60s -l bob -p2201 -i k1 "
                + "-o IdentityFile=k2 -o User=ignored -F cfg -CT -o 'ProxyCommand=ssh -W %h:%p b' -o Ciphers=aes -D 1080 -N host");
        assertThat(args.option("user")).contains("bob");
        assertThat(args.port()).contains(2201);
        assertThat(args.identityFiles()).containsExactly("k1", "k2");
        assertThat(args.configFiles()).containsExactly("cfg");
        assertThat(args.option("proxycommand")).contains("ssh -W %h:%p b");
        assertThat(args.refused()).containsExactly("-D 1080", "-N", "host", "-o ciphers");
        assertThat(SshArgs.parse("-C -o ControlMaster=auto -o ControlPersist=60s").refused()).isEmpty();
    }

    @Test
    void proxyJumpSyntax() {
        assertThat(ProxyJump.parse("ssh://u@h:2")).contains(new Jump(Optional.of("u"), "h", 2));
        assertThat(ProxyJump.parse("NONE")).isEmpty();
        assertThat(ProxyJump.parse("h")).contains(new Jump(Optional.empty(), "h", 22));
    }
}
