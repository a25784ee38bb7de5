package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing and matching known_hosts lines the way OpenSSH writes them. */
class KnownHostsFileTest {
    @TempDir
    Path dir;
    private HostKey ed;
    private HostKey other;
    private HostKey ecdsa;
    private String edText;

    @BeforeEach
    void keys() throws IOException {
        ed = key("ed", "ed25519");
        other = key("other", "ed25519");
        ecdsa = key("ec", "ecdsa");
        edText = ed.type() + " " + ed.base64();
    }

    private HostKey key(String name, String type) throws IOException {
        String[] pub = Files.readString(Keygen.pub(Keygen.generate(dir, name, type, ""))).trim().split(" ");
        return HostKey.parse(pub[0], pub[1]);
    }

    private static KnownHostsEntries of(KnownHostsFile f) {
        return KnownHostsEntries.of(List.of(f));
    }

    private KnownHostsFile file(String... lines) {
        return KnownHostsFile.parse(dir.resolve("known_hosts"), List.of(lines));
    }

    @Test
    void plainNamesListsAndPorts() {
        KnownHostsFile f = file("# comment", "", "labn001,10.99.0.1 " + edText + " a comment", "[10.99.0.2]:2222 " + edText);
        assertThat(f.entries()).hasSize(2);
        assertThat(of(f).judge("labn001", ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge("10.99.0.1", ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge(KnownHostsEntry.lookupName("10.99.0.2", 2222), ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge(KnownHostsEntry.lookupName("10.99.0.2", 22), ed)).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(of(f).judge(KnownHostsEntry.lookupName("10.99.0.1", 2222), ed)).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(of(f).judge("LABN001".toLowerCase(), ed)).isInstanceOf(HostKeyVerdict.Known.class);
    }

    @Test
    void lookupNamesAreOpenSshs() {
        assertThat(KnownHostsEntry.lookupName("Node1", 22)).isEqualTo("node1");
        assertThat(KnownHostsEntry.lookupName("10.0.0.1", 2222)).isEqualTo("[10.0.0.1]:2222");
    }

    @Test
    void hashedEntriesWrittenBySshKeygen() throws IOException {
        Path plain = Files.write(dir.resolve("kh"), List.of("labn001 " + edText, "[10.99.0.2]:2222 " + edText));
        Keygen.run(List.of("-H", "-f", plain.toString()));
        List<String> hashed = Files.readAllLines(plain);
        assertThat(hashed).allMatch(l -> l.startsWith("|1|"));
        KnownHostsFile f = KnownHostsFile.parse(plain, hashed);
        assertThat(of(f).judge("labn001", ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge("[10.99.0.2]:2222", ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge("labn002", ed)).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(of(f).judge("labn001", other)).isInstanceOfSatisfying(HostKeyVerdict.Changed.class,
                c -> assertThat(c.offending().line()).isEqualTo(1));
    }

    @Test
    void wildcardsAndNegation() {
        KnownHostsFile f = file("*.lab,!bad.lab " + edText, "node? " + edText);
        assertThat(of(f).judge("a.lab", ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge("bad.lab", ed)).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(of(f).judge("node1", ed)).isInstanceOf(HostKeyVerdict.Known.class);
        assertThat(of(f).judge("node12", ed)).isInstanceOf(HostKeyVerdict.Unknown.class);
    }

    @Test
    void changedKeyNamesTheOffendingLine() {
        KnownHostsFile f = file("# header", "n1 " + other.type() + " " + other.base64());
        assertThat(of(f).judge("n1", ed)).isInstanceOfSatisfying(HostKeyVerdict.Changed.class, c -> {
            assertThat(c.offending().location()).isEqualTo(dir.resolve("known_hosts") + ":2");
            assertThat(c.message("n1", 22)).contains("expected " + other.describe(), "got " + ed.describe());
        });
    }

    @Test
    void aHostKnownOnlyUnderAnotherKeyTypeIsChangedNotNew() {
        KnownHostsFile f = file("n1 " + ecdsa.type() + " " + ecdsa.base64());
        assertThat(of(f).judge("n1", ed)).isInstanceOf(HostKeyVerdict.Changed.class);
        assertThat(of(f).knownAlgorithms("n1")).containsExactly("ecdsa-sha2-nistp256");
    }

    @Test
    void sameNameWithSeveralKeysAcceptsAnyOfThem() {
        KnownHostsFile f = file("n1 " + other.type() + " " + other.base64(), "n1 " + edText);
        assertThat(of(f).judge("n1", ed)).isInstanceOf(HostKeyVerdict.Known.class);
    }

    @Test
    void markersRevokedRefusesCertAuthorityVouchesOnlyForCertificates() {
        KnownHostsFile f = file("@revoked * " + edText, "n1 " + edText, "@cert-authority *.lab " + ecdsa.type() + " " + ecdsa.base64());
        assertThat(of(f).judge("n1", ed)).isInstanceOf(HostKeyVerdict.Revoked.class);
        assertThat(of(f).judge("a.lab", ecdsa)).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(of(f).knownAlgorithms("a.lab")).isEqualTo(KnownHostsEntries.CERT_ALGORITHMS);
        assertThat(of(f).knownAlgorithms("n1")).containsExactly("ssh-ed25519");
        assertThat(file("@unknown-marker n1 " + edText).entries()).isEmpty();
    }

    @Test
    void brokenLinesAreSkipped() {
        KnownHostsFile f = file("n1", "n1 ssh-ed25519", "n1 ssh-ed25519 %%%", "n1 ssh-rsa " + ed.base64(), "n2 " + edText);
        assertThat(f.entries()).extracting(KnownHostsEntry::line).containsExactly(5);
    }

    @Test
    void rsaEntriesPreferRsaSha2Algorithms() throws IOException {
        HostKey rsa = key("rsa", "rsa");
        assertThat(of(file("n1 " + rsa.type() + " " + rsa.base64())).knownAlgorithms("n1"))
                .containsExactly("rsa-sha2-512", "rsa-sha2-256");
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(KnownHostsFile.read(dir.resolve("nope")).entries()).isEmpty();
    }
}
