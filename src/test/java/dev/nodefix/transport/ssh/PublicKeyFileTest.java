package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public key of a private key file without decrypting it, as OpenSSH finds it (keys made by ssh-keygen). */
class PublicKeyFileTest {
    @TempDir
    Path dir;

    private static HostKey pub(Path key) throws IOException {
        String[] fields = Files.readString(Keygen.pub(key)).trim().split(" ");
        return HostKey.parse(fields[0], fields[1]);
    }

    @Test
    void fromTheDotPubBesideIt() throws IOException {
        Path key = Keygen.generate(dir, "id_ed25519", "ed25519", "secret words");
        assertThat(PublicKeyFile.of(key)).contains(pub(key));
    }

    @Test
    void fromTheClearPartOfAnEncryptedOpenSshKeyWithoutDotPub() throws IOException {
        Path key = Keygen.generate(dir, "id_ecdsa", "ecdsa", "secret words");
        HostKey expected = pub(key);
        Files.delete(Keygen.pub(key));
        assertThat(PublicKeyFile.of(key)).contains(expected);
    }

    @Test
    void notFromAPemKeyWithoutDotPubNorFromNothing() throws IOException {
        Path pem = dir.resolve("id_pem");
        Keygen.run(List.of("-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", pem.toString()));
        Files.delete(Keygen.pub(pem));
        assertThat(PublicKeyFile.of(pem)).isEmpty();
        assertThat(PublicKeyFile.of(dir.resolve("missing"))).isEmpty();
        assertThat(PublicKeyFile.of(Files.writeString(dir.resolve("junk"), "-----BEGIN OPENSSH PRIVATE KEY-----\n%%\n"))).isEmpty();
    }
}
