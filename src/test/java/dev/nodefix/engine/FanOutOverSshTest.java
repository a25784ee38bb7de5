package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.ssh.Keygen;
import dev.nodefix.transport.ssh.SshTransportFactory;
import dev.nodefix.transport.ssh.TestHosts;
import dev.nodefix.transport.ssh.TestSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FanOut + Connections + the sshj transport against an in-JVM server: one host's command blocks until the
 * four fast hosts have all finished (so a fan-out that waited for it would stall until the 60 s give-up,
 * and the order check fails); no wall-clock thresholds, so a loaded machine cannot make it flaky.
 */
class FanOutOverSshTest {
    @Test
    void fastHostsFinishWhileTheSlowOneStillSleeps(@TempDir Path dir) throws IOException {
        Path key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        try (TestSshServer server = TestSshServer.start(List.of(Keygen.pub(key)), Map.of(), false)) {
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
            SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(knownHosts, Optional.of(key), Map.of()));
            List<Host> hosts = new ArrayList<>();
            for (String name : List.of("slow", "a", "b", "c", "d")) {
                hosts.add(TestHosts.local(name, server.port()));
            }
            Map<String, Long> finishedAt = new LinkedHashMap<>();
            List<HostOutcome<CommandResult>> outcomes;
            try (Connections connections = new Connections(factory)) {
                Path release = dir.resolve("fast-hosts-done");
                outcomes = new FanOut(5).run(hosts, host -> connections.get(host).execute(host.name().equals("slow")
                                ? Command.of("await", release.toString(), "60") : Command.of("echo", host.name())),
                        outcome -> {
                            finishedAt.put(outcome.host().name(), System.nanoTime());
                            if (finishedAt.size() == 4 && !finishedAt.containsKey("slow")) {
                                touch(release);
                            }
                        });
            }
            assertThat(new ArrayList<>(finishedAt.keySet())).hasSize(5).last().isEqualTo("slow");
            long slowDone = finishedAt.get("slow");
            assertThat(finishedAt.values()).filteredOn(t -> t != slowDone).allMatch(t -> t < slowDone);
            assertThat(outcomes).extracting(o -> o.host().name()).containsExactly("slow", "a", "b", "c", "d");
            assertThat(outcomes).extracting(o -> ((HostOutcome.Succeeded<CommandResult>) o).value().stdout())
                    .containsExactly("released\n", "a\n", "b\n", "c\n", "d\n");
            assertThat(server.connections()).isEqualTo(5);
        }
    }

    private static void touch(Path file) {
        try {
            Files.createFile(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
