package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which key files are ignored for their permissions: real files with real modes, each case also checked
 * against the real {@code ssh-keygen -y}, which loads a private key through the same OpenSSH check as {@code ssh}.
 */
class KeyFilePermissionsTest {
    private static final int OTHER_UID = 65534;

    record Case(String mode, boolean mine, boolean tooOpen) {
        @Override
        public String toString() {
            return mode + (mine ? " mine" : " someone else's") + (tooOpen ? " too open" : " ok");
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = KeyFilePermissionsTest.class.getResourceAsStream("key-permissions.txt")) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(new Case(f[0], f[1].equals("me"), f[2].equals("too-open")));
                }
            }
            return cases.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ignoredExactlyWhenOthersMayReadAnOwnKey(Case c, @TempDir Path dir) throws IOException {
        Path key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        Files.setAttribute(key, "unix:mode", Integer.parseInt(c.mode(), 8));
        KeyFilePermissions rule = KeyFilePermissions.ofThisProcess().orElseThrow();
        if (!c.mine()) {
            Files.setAttribute(key, "unix:uid", rule.currentUid() == OTHER_UID ? 0 : OTHER_UID);
        }
        Optional<String> verdict = rule.tooOpen(key);
        if (c.tooOpen()) {
            assertThat(verdict).hasValueSatisfying(v -> assertThat(v)
                    .contains("permissions " + c.mode() + " are too open").endsWith("chmod 600 " + key));
        } else {
            assertThat(verdict).isEmpty();
        }
        assertThat(opensshRefuses(key)).as("ssh-keygen -y refuses %s", c).isEqualTo(c.tooOpen());
    }

    /** Whether OpenSSH ignores the key for its permissions. */
    private static boolean opensshRefuses(Path key) throws IOException {
        Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-y", "-f", key.toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out.contains("UNPROTECTED PRIVATE KEY FILE") && out.contains("bad permissions");
    }
}
