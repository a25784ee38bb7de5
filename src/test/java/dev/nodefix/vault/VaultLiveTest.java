package dev.nodefix.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.nodefix.inventory.Location;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Runs the real {@code ansible-vault encrypt_string} now, on random values and passwords, and decrypts what it
 * made; password files, scripts and client scripts are read by Ansible when encrypting and by nodefix when
 * decrypting, so both must take the same password from them (whitespace, line breaks, {@code --vault-id}).
 */
class VaultLiveTest {
    private static final String ALPHABET = "abcXYZ019 _:'\"\\#{}%\n\tä€😀日";
    private static final long SEED = new Random().nextLong();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireAnsibleVault() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "ansible-vault")));
        if (!found) {
            fail("ansible-vault not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
    }

    @Test
    void randomValuesEncryptedByAnsibleDecrypt() throws Exception {
        Random random = new Random(SEED);
        Path defaults = password("default-pw", "p@ss " + random.nextInt() + "\n");
        Path prod = password("prod-pw", "prød " + random.nextInt() + "\n");
        List<String> values = Stream.generate(() -> value(random)).limit(12).toList();

        Map<String, String> plain = encrypt(values.subList(0, 6), "--vault-password-file", defaults.toString());
        Map<String, String> labelled = encrypt(values.subList(6, 12), "--vault-id", "prod@" + prod);
        Vault vault = new VaultConfig(List.of("prod@" + prod), List.of(defaults.toString()), false)
                .vault(Map.of(), dir, prompt -> Optional.empty());

        for (Map<String, String> made : List.of(plain, labelled)) {
            made.forEach((envelope, value) -> assertThat(vault.apply(new Vaulted(envelope, new Location("live", 1, 1))))
                    .as("seed %d", SEED).isEqualTo(value));
        }
    }

    @Test
    void passwordFileLosesSurroundingWhitespaceAsInAnsible() throws Exception {
        Path file = password("spaced", " \t two words \n\n");

        assertRoundTrip(file.toString(), List.of(file.toString()), List.of());
    }

    @Test
    void executablePasswordFileIsRunAndLosesOnlyLineBreaks() throws Exception {
        Path script = script("pw.sh", "printf '  spaced script pw  \\r\\n'");

        assertRoundTrip(script.toString(), List.of(script.toString()), List.of());
        assertThat(new PasswordPath(script, Optional.empty()).load().reveal()).containsExactly("  spaced script pw  ".toCharArray());
    }

    @Test
    void clientScriptIsAskedForTheVaultId() throws Exception {
        Path script = script("pw-client.sh", """
                [ "$1" = --vault-id ] || exit 3
                case "$2" in prod) echo prod-from-client ;; *) echo "no secret for $2" >&2; exit 2 ;; esac""");

        assertRoundTrip("prod@" + script, List.of(), List.of("prod@" + script));
        assertThat(new PasswordPath(script, Optional.of("prod")).load().reveal()).containsExactly("prod-from-client".toCharArray());
    }

    private void assertRoundTrip(String vaultId, List<String> files, List<String> ids) throws Exception {
        String value = value(new Random(SEED));
        String envelope = encrypt(List.of(value), "--vault-id", vaultId).keySet().iterator().next();
        Vault vault = new VaultConfig(ids, files, false).vault(Map.of(), dir, prompt -> Optional.empty());

        assertThat(vault.apply(new Vaulted(envelope, new Location("live", 1, 1)))).as("seed %d", SEED).isEqualTo(value);
    }

    /** Envelope text of each value, as the {@code !vault} scalars ansible-vault printed. */
    private Map<String, String> encrypt(List<String> values, String option, String source) throws Exception {
        List<String> command = new ArrayList<>(List.of("ansible-vault", "encrypt_string", option, source));
        for (int i = 0; i < values.size(); i++) {
            command.addAll(List.of("--name", "v" + i));
        }
        command.addAll(values);
        Path out = dir.resolve("out.yml");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("ANSIBLE_HOME", dir.resolve("ansible").toString());
        assertThat(pb.start().waitFor()).as(Files.readString(dir.resolve("err"))).isZero();
        List<NodeTuple> entries = ((MappingNode) new Compose(LoadSettings.builder().build())
                .composeString(Files.readString(out)).orElseThrow()).getValue();
        Map<String, String> made = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            made.put(((ScalarNode) entries.get(i).getValueNode()).getValue(), values.get(i));
        }
        return made;
    }

    /** 1 to 40 characters, across AES block sizes, never starting with '-' (an option to ansible-vault). */
    private static String value(Random random) {
        StringBuilder s = new StringBuilder("v");
        int n = random.nextInt(40);
        int[] points = ALPHABET.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return s.toString();
    }

    private Path password(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path script(String name, String body) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
