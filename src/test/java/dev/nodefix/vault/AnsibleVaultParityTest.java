package dev.nodefix.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real Ansible on every vault case with the same options and environment: it shows the plaintext each
 * decrypt case expects ({@code ansible-vault decrypt --output -} for whole files, {@code ansible -m debug} for {@code !vault}
 * values) and refuses every failure case, so the cases stay true to Ansible.
 */
class AnsibleVaultParityTest {
    @TempDir
    static Path ansibleHome;

    @BeforeAll
    static void requireAnsible() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ansible-vault")));
        if (!found) {
            fail("ansible-vault not found on PATH: install ansible-core (apt-get install ansible-core)");
        }
    }

    static List<VaultCase> decryptCases() {
        return VaultDecryptCasesTest.cases();
    }

    static List<VaultCase> failureCases() {
        return VaultFailuresTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decryptCases")
    void ansibleShowsTheExpectedPlaintext(VaultCase c) throws Exception {
        Run run = ansible(c);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.plaintext(c)).isEqualTo(c.expect().get("expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failureCases")
    void ansibleRefusesTheFailureCase(VaultCase c) throws Exception {
        assertThat(ansible(c).code()).isNotZero();
    }

    /** What an Ansible command printed and returned. */
    record Run(int code, String out, String err) {
        Object plaintext(VaultCase c) throws IOException {
            if (!isVaultValue(c)) {
                return out;
            }
            Map<String, Object> result = JSON.std.mapFrom(out.substring(out.indexOf("=>") + 2));
            return result.get("x");
        }
    }

    private static boolean isVaultValue(VaultCase c) {
        return c.fixture().endsWith(".yml") && !VaultCase.read(VaultCase.FIXTURES.resolve(c.fixture())).startsWith("$ANSIBLE_VAULT");
    }

    private static Run ansible(VaultCase c) throws IOException, InterruptedException {
        Path file = VaultCase.FIXTURES.resolve(c.fixture());
        List<String> command = new ArrayList<>(isVaultValue(c)
                ? List.of("ansible", "localhost", "-m", "debug", "-a", "var=x", "-e", "@" + file)
                : List.of("ansible-vault", "decrypt", "--output", "-", file.toString()));
        c.passwordFiles().forEach(p -> command.addAll(List.of("--vault-password-file", fixtures(p))));
        c.vaultIds().forEach(id -> command.addAll(List.of("--vault-id", fixtures(id))));
        Path stdout = ansibleHome.resolve("stdout");
        Path stderr = ansibleHome.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        c.env().forEach((k, v) -> env.put(k, fixtures(v)));
        env.put("ANSIBLE_HOME", ansibleHome.toString());
        env.put("ANSIBLE_LOCAL_TEMP", ansibleHome.resolve("tmp").toString());
        env.put("ANSIBLE_LOCALHOST_WARNING", "false");
        env.put("ANSIBLE_NOCOLOR", "1");
        int code = pb.start().waitFor();
        return new Run(code, Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static String fixtures(String text) {
        return text.replace("$F", VaultCase.FIXTURES.toString());
    }
}
