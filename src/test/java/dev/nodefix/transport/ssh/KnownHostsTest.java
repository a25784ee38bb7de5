package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accept-new file writing: OpenSSH's line format, appends only, safe under parallel connects. */
class KnownHostsTest {
    @TempDir
    Path dir;
    private HostKey ed;
    private HostKey other;

    @BeforeEach
    void keys() throws IOException {
        ed = parse(Keygen.generate(dir, "ed", "ed25519", ""));
        other = parse(Keygen.generate(dir, "other", "ed25519", ""));
    }

    private static KnownHostsSet set(Path file) {
        return new KnownHostsSet(List.of(new KnownHosts(file)), List.of(), Clock.systemUTC());
    }

    static PublicKey pk(HostKey key) {
        try {
            return new Buffer.PlainBuffer(key.blob()).readPublicKey();
        } catch (Buffer.BufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HostKey parse(Path key) throws IOException {
        String[] pub = Files.readString(Keygen.pub(key)).trim().split(" ");
        return HostKey.parse(pub[0], pub[1]);
    }

    @Test
    void appendsInOpenSshFormatAndKeepsExistingLines() throws IOException {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# mine, no newline at end");
        KnownHostsSet knownHosts = set(file);
        HostKeyVerdict v22 = knownHosts.check("10.0.0.1", 22, pk(ed), HostKeyPolicy.ACCEPT_NEW);
        HostKeyVerdict v2222 = knownHosts.check("Node-A", 2222, pk(ed), HostKeyPolicy.ACCEPT_NEW);
        assertThat(v22).isInstanceOfSatisfying(HostKeyVerdict.Learned.class, l -> assertThat(l.entry().line()).isEqualTo(2));
        assertThat(v2222).isInstanceOf(HostKeyVerdict.Learned.class);
        assertThat(Files.readAllLines(file)).containsExactly("# mine, no newline at end",
                "10.0.0.1 " + ed.type() + " " + ed.base64(), "[node-a]:2222 " + ed.type() + " " + ed.base64());
        assertThat(knownHosts.check("10.0.0.1", 22, pk(ed), HostKeyPolicy.STRICT)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(set(file).check("node-a", 2222, pk(ed), HostKeyPolicy.STRICT)).isInstanceOf(HostKeyVerdict.Known.class);
    }

    @Test
    void strictNeverWritesAndAcceptNewNeverReplaces() throws IOException {
        Path file = dir.resolve("known_hosts");
        assertThat(set(file).check("n1", 22, pk(ed), HostKeyPolicy.STRICT)).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(file).doesNotExist();
        Files.writeString(file, "n1 " + other.type() + " " + other.base64() + "\n");
        assertThat(set(file).check("n1", 22, pk(ed), HostKeyPolicy.ACCEPT_NEW)).isInstanceOf(HostKeyVerdict.Changed.class);
        assertThat(Files.readAllLines(file)).containsExactly("n1 " + other.type() + " " + other.base64());
    }

    @Test
    void seesLinesAnotherProcessAddedBeforeAppending() throws IOException {
        Path file = dir.resolve("known_hosts");
        KnownHostsSet knownHosts = set(file);
        assertThat(knownHosts.check("n0", 22, pk(ed), HostKeyPolicy.STRICT)).isInstanceOf(HostKeyVerdict.Unknown.class);
        Files.writeString(file, "n1 " + other.type() + " " + other.base64() + "\n"); // written after our first read
        assertThat(knownHosts.check("n1", 22, pk(ed), HostKeyPolicy.ACCEPT_NEW)).isInstanceOf(HostKeyVerdict.Changed.class);
        assertThat(Files.readAllLines(file)).hasSize(1);
    }

    @Test
    void parallelAcceptNewWritesEachHostExactlyOnce() throws Exception {
        Path file = dir.resolve("known_hosts");
        KnownHostsSet knownHosts = set(file);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HostKeyVerdict>> checks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String host = "n" + (i % 50);
                checks.add(pool.submit(() -> knownHosts.check(host, 22, pk(ed), HostKeyPolicy.ACCEPT_NEW)));
            }
            for (Future<HostKeyVerdict> check : checks) {
                assertThat(check.get().accepted()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(50).doesNotHaveDuplicates().allMatch(l -> l.endsWith(ed.type() + " " + ed.base64()));
    }

    @Test
    void aKeyInAnyUserOrGlobalFileIsKnownAndAChangeInAnyIsRefused() throws IOException {
        Path first = dir.resolve("known_hosts");
        Path second = Files.writeString(dir.resolve("known_hosts2"), "n2 " + ed.type() + " " + ed.base64() + "\n");
        Path global = Files.writeString(dir.resolve("ssh_known_hosts"),
                "n1 " + ed.type() + " " + ed.base64() + "\nn3 " + other.type() + " " + other.base64() + "\n");
        KnownHostsSet files = new KnownHostsSet(List.of(new KnownHosts(first), new KnownHosts(second)),
                List.of(new KnownHosts(global)), Clock.systemUTC());

        assertThat(files.check("n1", 22, pk(ed), HostKeyPolicy.STRICT)).isInstanceOfSatisfying(HostKeyVerdict.Known.class,
                k -> assertThat(k.entry().location()).isEqualTo(global + ":1"));
        assertThat(files.check("n2", 22, pk(ed), HostKeyPolicy.STRICT)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(files.check("n3", 22, pk(ed), HostKeyPolicy.ACCEPT_NEW)).isInstanceOfSatisfying(HostKeyVerdict.Changed.class,
                c -> assertThat(c.offending().location()).isEqualTo(global + ":2"));
        assertThat(files.check("n4", 22, pk(ed), HostKeyPolicy.STRICT)).isInstanceOfSatisfying(HostKeyVerdict.Unknown.class,
                u -> assertThat(u.message("n4", 22)).contains("is not in " + first + ", " + second + ", " + global)
                        .endsWith(">> " + first));
        assertThat(first).doesNotExist();

        assertThat(files.check("n4", 22, pk(ed), HostKeyPolicy.ACCEPT_NEW)).isInstanceOf(HostKeyVerdict.Learned.class);
        assertThat(Files.readAllLines(first)).containsExactly("n4 " + ed.type() + " " + ed.base64());
        assertThat(Files.readAllLines(second)).hasSize(1);
        assertThat(Files.readAllLines(global)).hasSize(2);
    }
}
