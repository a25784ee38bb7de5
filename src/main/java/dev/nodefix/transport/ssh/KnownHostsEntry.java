package dev.nodefix.transport.ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key line of a known_hosts file: where it is, its marker, its host patterns and its key.
 *
 * @param hosts a comma-separated pattern list ({@code name,10.0.0.1}, {@code [name]:2222}, {@code *.lab},
 *              {@code !bad}) or one hashed name ({@code |1|salt|hash})
 */
record KnownHostsEntry(Path file, int line, Marker marker, String hosts, HostKey key) {
    enum Marker {
        NONE, REVOKED, CERT_AUTHORITY
    }

    KnownHostsEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(key, "key");
    }

    /** {@code FILE:LINE}, for messages. */
    String location() {
        return file + ":" + line;
    }

    /** The name known_hosts files use for a host: {@code addr} on port 22, else {@code [addr]:port}. */
    static String lookupName(String address, int port) {
        String name = address.toLowerCase(Locale.ROOT);
        return port == 22 ? name : "[" + name + "]:" + port;
    }

    /** Whether this line is about {@code lookupName} (see {@link #lookupName}); a negated pattern vetoes. */
    boolean matches(String lookupName) {
        if (hosts.startsWith("|1|")) {
            return hashedMatches(lookupName);
        }
        boolean matched = false;
        for (String pattern : hosts.split(",")) {
            boolean negated = pattern.startsWith("!");
            String glob = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
            if (Glob.matches(glob, lookupName)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** OpenSSH's hashed names: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}. */
    private boolean hashedMatches(String lookupName) {
        String[] parts = hosts.split("\\|");
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] actual = mac.doFinal(lookupName.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** OpenSSH host patterns: {@code *} any run of characters, {@code ?} exactly one; nothing else is special. */
    static final class Glob {
        private Glob() {
        }

        static boolean matches(String glob, String text) {
            int g = 0;
            int t = 0;
            int starGlob = -1;
            int starText = 0;
            while (t < text.length()) {
                if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                    g++;
                    t++;
                } else if (g < glob.length() && glob.charAt(g) == '*') {
                    starGlob = g++;
                    starText = t;
                } else if (starGlob >= 0) {
                    g = starGlob + 1;
                    t = ++starText;
                } else {
                    return false;
                }
            }
            while (g < glob.length() && glob.charAt(g) == '*') {
                g++;
            }
            return g == glob.length();
        }
    }
}
