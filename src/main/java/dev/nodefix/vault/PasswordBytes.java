package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Raw bytes of a password file or script output, trimmed the way Ansible trims them, turned into a Secret. */
final class PasswordBytes {
    /** Python's {@code bytes.strip()}: ASCII whitespace. */
    static final String WHITESPACE = " \t\n\r\u000b\f";
    /** Python's {@code bytes.strip(b'\r\n')}. */
    static final String NEWLINES = "\r\n";

    private PasswordBytes() {
    }

    /** Trims {@code chars} from both ends; an empty result fails with {@code emptyMessage}. */
    static Secret secret(byte[] raw, String chars, String emptyMessage) {
        int start = 0;
        int end = raw.length;
        while (start < end && chars.indexOf(raw[start]) >= 0) {
            start++;
        }
        while (end > start && chars.indexOf(raw[end - 1]) >= 0) {
            end--;
        }
        if (start == end) {
            throw new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE, emptyMessage);
        }
        CharBuffer chars16 = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw, start, end - start));
        char[] value = Arrays.copyOfRange(chars16.array(), chars16.position(), chars16.limit());
        Arrays.fill(chars16.array(), '\0');
        Arrays.fill(raw, (byte) 0);
        try {
            return Secret.of(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    static boolean startsWith(byte[] raw, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return raw.length >= p.length && Arrays.equals(raw, 0, p.length, p, 0, p.length);
    }
}
