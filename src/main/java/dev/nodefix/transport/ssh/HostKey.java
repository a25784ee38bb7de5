package dev.nodefix.transport.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import net.schmizz.sshj.common.Buffer;

/**
 * A public key in SSH wire form, the way a known_hosts line carries it: the key type name and the base64
 * of the key blob. Keys are compared on the blob, so nodefix never needs to understand a key to match it.
 */
record HostKey(String type, String base64) {
    HostKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(base64, "base64");
    }

    /** The key a server presented. */
    static HostKey of(PublicKey key) {
        return fromBlob(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    /** A key from a known_hosts or .pub line; the blob must name the same type as the line. */
    static HostKey parse(String type, String base64) {
        HostKey key = fromBlob(Base64.getDecoder().decode(base64));
        if (!key.type.equals(type)) {
            throw new IllegalArgumentException("key blob is " + key.type + ", line says " + type);
        }
        return key;
    }

    static HostKey fromBlob(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        if (blob.length < 4) {
            throw new IllegalArgumentException("key blob too short");
        }
        int length = buffer.getInt();
        if (length <= 0 || length > blob.length - 4) {
            throw new IllegalArgumentException("key blob has no type name");
        }
        String type = new String(blob, 4, length, StandardCharsets.US_ASCII);
        return new HostKey(type, Base64.getEncoder().encodeToString(blob));
    }

    byte[] blob() {
        return Base64.getDecoder().decode(base64);
    }

    /** The fingerprint as OpenSSH prints it: {@code SHA256:} and unpadded base64. */
    String sha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@code ssh-ed25519 SHA256:...}. */
    String describe() {
        return type + " " + sha256();
    }
}
