package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Jump;
import dev.nodefix.inventory.SshExtras;
import dev.nodefix.transport.EnvironmentSecrets;
import dev.nodefix.transport.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who, with which key, against which known_hosts: the command line beats the inventory beats defaults. */
class SshTargetTest {
    @TempDir
    Path dir;

    private SshSettings settings(Optional<String> user, Optional<Path> key, boolean khFromCli, boolean acceptNew)
            throws IOException {
        Path existing = Files.writeString(dir.resolve("id_ecdsa"), "x");
        return new SshSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                dir.resolve("default_kh"), khFromCli, acceptNew, user, key,
                List.of(dir.resolve("id_ed25519"), existing), new EnvironmentSecrets(Map.of()));
    }

    private static Host host(Connection c) {
        return TestHosts.host("n1", c);
    }

    private static Connection inventory(Optional<String> strict) {
        return new Connection("10.0.0.1", 2222, Optional.of("ansible"), Optional.of(Path.of("/inv/key")), false,
                Optional.empty(), Optional.of(new Jump(Optional.empty(), "bastion", 22)),
                Optional.of(Path.of("/inv/known_hosts")), strict);
    }

    @Test
    void commandLineWins() throws IOException {
        SshTarget t = SshTarget.of(host(inventory(Optional.empty())), settings(Optional.of("cli"), Optional.of(Path.of("/cli/key")), true, false), "me");
        assertThat(t.user()).isEqualTo("cli");
        assertThat(t.keys()).containsExactly(Path.of("/cli/key"));
        assertThat(t.keysExplicit()).isTrue();
        assertThat(t.knownHostsFiles()).containsExactly(dir.resolve("default_kh"));
        assertThat(t.globalKnownHosts()).containsExactlyElementsOf(SshSettings.DEFAULT_GLOBAL_KNOWN_HOSTS);
        assertThat(t.identitiesOnly()).isFalse();
        assertThat(t.endpoint()).isEqualTo("10.0.0.1:2222");
    }

    @Test
    void inventoryBeatsDefaults() throws IOException {
        SshTarget t = SshTarget.of(host(inventory(Optional.empty())), settings(Optional.empty(), Optional.empty(), false, false), "me");
        assertThat(t.user()).isEqualTo("ansible");
        assertThat(t.keys()).containsExactly(Path.of("/inv/key"));
        assertThat(t.knownHostsFiles()).containsExactly(Path.of("/inv/known_hosts"));
        assertThat(t.policy()).isEqualTo(HostKeyPolicy.STRICT);
    }

    @Test
    void defaultsAreTheLocalUserAndTheDefaultKeysThatExist() throws IOException {
        SshTarget t = SshTarget.of(host(Connection.to("n1.lab")), settings(Optional.empty(), Optional.empty(), false, false), "me");
        assertThat(t.user()).isEqualTo("me");
        assertThat(t.keys()).containsExactly(dir.resolve("id_ecdsa"));
        assertThat(t.keysExplicit()).isFalse();
        assertThat(t.knownHostsFiles()).containsExactly(dir.resolve("default_kh"));
    }

    @Test
    void agentSocketComesFromSshAuthSockAndGlobalFilesAreInjectable() throws IOException {
        SshSettings s = settings(Optional.empty(), Optional.empty(), false, false);
        assertThat(s.agentSocket()).isEmpty();
        assertThat(s.withAgentFrom(Map.of("SSH_AUTH_SOCK", "/run/agent.sock")).agentSocket()).contains(Path.of("/run/agent.sock"));
        assertThat(s.withAgentFrom(Map.of("SSH_AUTH_SOCK", "")).agentSocket()).isEmpty();
        SshSettings g = s.withGlobalKnownHosts(List.of(dir.resolve("global")));
        assertThat(SshTarget.of(host(Connection.to("n1.lab")), g, "me").globalKnownHosts()).containsExactly(dir.resolve("global"));
    }

    @Test
    void jumpUserIsTheJumpSpecsElseTheLocalUserNeverTheNodesOrMinusU() throws IOException {
        Connection c = inventory(Optional.empty());
        SshSettings cli = settings(Optional.of("cli"), Optional.empty(), false, false);
        assertThat(SshTarget.jump(host(c), new Jump(Optional.of("hop"), "bastion", 2200), cli, "me"))
                .extracting(SshTarget::user, SshTarget::address, SshTarget::port).containsExactly("hop", "bastion", 2200);
        assertThat(SshTarget.jump(host(c), new Jump(Optional.empty(), "bastion", 22), cli, "me").user()).isEqualTo("me");
    }

    @Test
    void jumpOffersItsOwnKeysElseTheNodesAndChecksTheNodesKnownHosts() throws IOException {
        Connection c = inventory(Optional.empty());
        SshSettings s = settings(Optional.empty(), Optional.of(Path.of("/cli/key")), false, false);
        Jump own = new Jump(Optional.empty(), "bastion", 22, List.of(Path.of("/jump/key")), Optional.empty(), false);
        SshTarget t = SshTarget.jump(host(c), own, s, "me");
        assertThat(t.keys()).containsExactly(Path.of("/jump/key"));
        assertThat(t.keysExplicit()).isTrue();
        assertThat(t.knownHostsFiles()).containsExactly(Path.of("/inv/known_hosts"));
        assertThat(SshTarget.jump(host(c), new Jump(Optional.empty(), "bastion", 22), s, "me").keys())
                .containsExactly(Path.of("/cli/key"));
    }

    @Test
    void theAgentIsTheHostsIdentityAgentElseSshAuthSockAndNoneMeansNone() throws IOException {
        SshSettings s = settings(Optional.empty(), Optional.empty(), false, false).withAgentSocket(Optional.of(ENV_AGENT));
        Connection none = withAgent(Optional.empty(), true);
        assertThat(SshTarget.of(host(none), s, "me").agentSocket()).isEmpty();
        assertThat(SshTarget.of(host(none), s, "me").withIdentitiesOnly(true).agentSocket()).isEmpty();
        assertThat(SshTarget.jump(host(none), none.jump().orElseThrow(), s, "me").agentSocket()).contains(ENV_AGENT);
        Path own = Path.of("/run/own.sock");
        assertThat(SshTarget.of(host(withAgent(Optional.of(own), false)), s, "me").agentSocket()).contains(own);
        assertThat(SshTarget.jump(host(none), new Jump(Optional.empty(), "bastion", 22, List.of(), Optional.of(own),
                false), s, "me").agentSocket()).contains(own);
        assertThat(SshTarget.jump(host(none), new Jump(Optional.empty(), "bastion", 22, List.of(), Optional.empty(),
                true), s, "me").agentSocket()).isEmpty();
        assertThat(SshTarget.of(host(Connection.to("n1.lab")), s, "me").agentSocket()).contains(ENV_AGENT);
    }

    private static final Path ENV_AGENT = Path.of("/run/env-agent.sock");

    /** A node behind "bastion" (nothing merged for it) whose ssh config names an agent socket, or none. */
    private static Connection withAgent(Optional<Path> socket, boolean none) {
        SshExtras extras = new SshExtras(List.of(), false, List.of(), List.of(), Optional.empty(), socket, none);
        return new Connection("10.0.0.1", 22, Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.of(new Jump(Optional.empty(), "bastion", 22)), Optional.empty(), Optional.empty(), extras);
    }

    @Test
    void hostKeyPolicy() throws IOException {
        SshSettings strict = settings(Optional.empty(), Optional.empty(), false, false);
        assertThat(HostKeyPolicy.of(strict, inventory(Optional.of("accept-new")))).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
        assertThat(HostKeyPolicy.of(strict, inventory(Optional.of("no")))).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
        assertThat(HostKeyPolicy.of(strict, inventory(Optional.of("yes")))).isEqualTo(HostKeyPolicy.STRICT);
        assertThat(HostKeyPolicy.of(strict, inventory(Optional.of("ask")))).isEqualTo(HostKeyPolicy.STRICT);
        SshSettings acceptNew = settings(Optional.empty(), Optional.empty(), false, true);
        assertThat(HostKeyPolicy.of(acceptNew, inventory(Optional.of("yes")))).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
    }

    @Test
    void ipv6EndpointsAreBracketed() {
        assertThat(HostKeyVerdict.endpoint("fd00::1", 22)).isEqualTo("[fd00::1]:22");
    }
}
