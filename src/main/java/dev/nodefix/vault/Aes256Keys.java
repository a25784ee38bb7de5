package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys Ansible's {@code VaultAES256} derives from one password and one salt: PBKDF2-HMAC-SHA256 with 10000
 * iterations gives 80 bytes, the AES-256 key (32), the HMAC-SHA256 key (32) and the CTR counter's first block
 * (16). {@link #open} checks the envelope's HMAC over the ciphertext in constant time before decrypting
 * anything, then strips the PKCS#7 padding Ansible adds.
 */
final class Aes256Keys {
    private static final int ITERATIONS = 10_000;
    private static final int KEY = 32;
    private static final int BLOCK = 16;

    private final byte[] cipherKey;
    private final byte[] macKey;
    private final byte[] counter;

    private Aes256Keys(byte[] derived) {
        cipherKey = Arrays.copyOfRange(derived, 0, KEY);
        macKey = Arrays.copyOfRange(derived, KEY, 2 * KEY);
        counter = Arrays.copyOfRange(derived, 2 * KEY, 2 * KEY + BLOCK);
    }

    /** Derives the keys; the JDK's PBKDF2 encodes the password's characters as UTF-8, as Ansible's bytes are. */
    static Aes256Keys derive(Secret password, byte[] salt) {
        char[] chars = password.reveal();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, ITERATIONS, (2 * KEY + BLOCK) * 8);
        try {
            return new Aes256Keys(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    /** The plaintext, or empty when the HMAC does not match (a wrong password or tampered data). */
    Optional<byte[]> open(Envelope envelope) {
        byte[] ciphertext = envelope.ciphertext();
        if (!MessageDigest.isEqual(mac(ciphertext), envelope.hmac())) {
            return Optional.empty();
        }
        return Optional.of(unpad(decrypt(ciphertext)));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    private byte[] decrypt(byte[] ciphertext) {
        try {
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cipherKey, "AES"), new IvParameterSpec(counter));
            return aes.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/CTR/NoPadding", e);
        }
    }

    /** Removes PKCS#7 padding as the {@code cryptography} unpadder does, refusing what it refuses. */
    private static byte[] unpad(byte[] padded) {
        int n = padded.length;
        int pad = n == 0 ? 0 : padded[n - 1] & 0xff;
        boolean valid = n % BLOCK == 0 && pad >= 1 && pad <= BLOCK;
        for (int i = n - pad; valid && i < n; i++) {
            valid = padded[i] == (byte) pad;
        }
        if (!valid) {
            throw new VaultException(VaultException.Reason.MALFORMED,
                    "malformed vault envelope: the decrypted data has invalid PKCS#7 padding");
        }
        return Arrays.copyOf(padded, n - pad);
    }
}
