package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints agree with OpenSSH's {@code ssh-keygen -lf}. */
class HostKeyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void sha256FingerprintMatchesSshKeygen(String type) throws IOException {
        Path key = Keygen.generate(dir, "k_" + type, type, "");
        String[] pub = Files.readString(Keygen.pub(key)).trim().split(" ");
        HostKey hostKey = HostKey.parse(pub[0], pub[1]);
        // "256 SHA256:abc... comment (ED25519)"
        String keygen = Keygen.run(List.of("-l", "-E", "sha256", "-f", Keygen.pub(key).toString())).split(" ")[1];
        assertThat(hostKey.sha256()).isEqualTo(keygen).startsWith("SHA256:").doesNotEndWith("=");
        assertThat(hostKey.describe()).isEqualTo(pub[0] + " " + keygen);
    }

    @Test
    void serverPublicKeyEncodesToTheSameBlobAsOpenSsh() throws IOException {
        Path key = Keygen.generate(dir, "k", "ed25519", "");
        String[] pub = Files.readString(Keygen.pub(key)).trim().split(" ");
        assertThat(HostKey.of(TestSshServer.readPublicKey(Keygen.pub(key)))).isEqualTo(HostKey.parse(pub[0], pub[1]));
    }

    @Test
    void typeOnTheLineMustMatchTheBlob() throws IOException {
        Path key = Keygen.generate(dir, "k", "ed25519", "");
        String blob = Files.readString(Keygen.pub(key)).trim().split(" ")[1];
        assertThatThrownBy(() -> HostKey.parse("ssh-rsa", blob)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostKey.parse("ssh-ed25519", "!!notbase64")).isInstanceOf(IllegalArgumentException.class);
    }
}
