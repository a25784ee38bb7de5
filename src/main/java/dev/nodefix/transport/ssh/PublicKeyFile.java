package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;

/**
 * The public key of a private key file, read without decrypting it, the way OpenSSH does before it asks an
 * agent: the {@code .pub} beside the file, else the public key an OpenSSH-format private key carries in
 * clear. Used to match identity files against agent keys, so a key the agent holds needs no passphrase.
 */
final class PublicKeyFile {
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PublicKeyFile() {
    }

    /** The key, or empty when neither source exists or can be read. */
    static Optional<HostKey> of(Path privateKey) {
        return fromPub(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).or(() -> fromOpenSsh(privateKey));
    }

    private static Optional<HostKey> fromPub(Path pub) {
        try {
            String[] fields = Files.readString(pub, StandardCharsets.UTF_8).trim().split("\\s+");
            return fields.length < 2 ? Optional.empty() : Optional.of(HostKey.parse(fields[0], fields[1]));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** openssh-key-v1: magic, cipher, kdf, kdf options, key count, then the first public key in clear. */
    private static Optional<HostKey> fromOpenSsh(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = text.indexOf(OPENSSH_BEGIN);
            int end = text.indexOf(OPENSSH_END);
            if (begin < 0 || end < begin) {
                return Optional.empty();
            }
            byte[] data = Base64.getMimeDecoder().decode(text.substring(begin + OPENSSH_BEGIN.length(), end));
            if (data.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
                return Optional.empty();
            }
            Buffer.PlainBuffer b = new Buffer.PlainBuffer(Arrays.copyOfRange(data, MAGIC.length, data.length));
            b.readString();
            b.readString();
            b.readBytes();
            if (b.readUInt32() < 1) {
                return Optional.empty();
            }
            return Optional.of(HostKey.fromBlob(b.readBytes()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
