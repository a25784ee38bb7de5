package dev.nodefix.ansiblecfg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.inventory.ShellWords;
import dev.nodefix.inventory.Sourced;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the settings mean where they act: runs the real {@code ansible -m ping -vvv} on every readable case with
 * {@code /bin/false} as the ssh executable (nothing is contacted) and checks the ssh command Ansible builds
 * against nodefix's settings: ssh_args first, Port, IdentityFile, User, ConnectTimeout, StrictHostKeyChecking=no
 * exactly when host_key_checking is false, then ssh_common_args. This is what shows that host_key_checking is the
 * ssh plugin's (with [ssh_connection] and ANSIBLE_SSH_HOST_KEY_CHECKING) while timeout is base.yml's.
 */
class AnsibleSshCommandParityTest {
    private static final String DEFAULT_SSH_ARGS = "-C -o ControlMaster=auto -o ControlPersist=60s";

    @TempDir
    Path root;

    @BeforeAll
    static void requireAnsible() {
        AnsibleRun.requireOnPath("ansible");
    }

    static Stream<ConfigCase> cases() throws IOException, URISyntaxException {
        return AnsibleConfigCasesTest.cases()
                .filter(c -> c.ansible().equals("same") && c.expect().error().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sshCommandMatches(ConfigCase c) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(c.stage(root, AnsibleConfigCasesTest.resources()));
        AnsibleConfig config = c.run(root, env);
        env.put("ANSIBLE_SSH_EXECUTABLE", "/bin/false");
        // ansible would wait for a password on a terminal; what it asks is not what this test compares
        env.put("ANSIBLE_ASK_PASS", "False");
        env.put("ANSIBLE_BECOME_ASK_PASS", "False");
        writeVaultPassword(config);
        AnsibleRun ansible = AnsibleRun.of(root, env,
                List.of("ansible", "all", "-i", "127.0.0.1,", "-m", "ping", "-vvv"));
        List<String> words = ShellWords.split(execLine(ansible));
        List<String> sshArgs = ShellWords.split(config.sshArgs().map(Sourced::value).orElse(DEFAULT_SSH_ARGS));
        assertThat(words.subList(1, 1 + sshArgs.size())).as("ssh_args").isEqualTo(sshArgs);
        Map<String, String> options = options(words.subList(1 + sshArgs.size(), words.size()));
        assertThat(Optional.ofNullable(options.get("Port"))).as("Port")
                .isEqualTo(config.remotePort().map(p -> String.valueOf(p.value())));
        assertThat(Optional.ofNullable(options.get("IdentityFile"))).as("IdentityFile")
                .isEqualTo(config.privateKeyFile().map(p -> "\"" + p.value() + "\""));
        assertThat(Optional.ofNullable(options.get("User"))).as("User")
                .isEqualTo(config.remoteUser().map(Sourced::value).filter(u -> !u.isEmpty()).map(u -> "\"" + u + "\""));
        assertThat(options.get("ConnectTimeout")).as("ConnectTimeout")
                .isEqualTo(String.valueOf(config.timeout().map(Sourced::value).orElse(10)));
        assertThat(Optional.ofNullable(options.get("StrictHostKeyChecking"))).as("StrictHostKeyChecking")
                .isEqualTo(config.hostKeyChecking().map(Sourced::value).filter(check -> !check).map(check -> "no"));
        config.sshCommonArgs().map(a -> ShellWords.split(a.value())).filter(a -> !a.isEmpty())
                .ifPresent(common -> assertThat(words).as("ssh_common_args").containsSubsequence(common));
    }

    /** Ansible stops before connecting when the vault password file it is given does not exist. */
    private void writeVaultPassword(AnsibleConfig config) throws IOException {
        Optional<Path> file = config.vaultPasswordFile().map(Sourced::value);
        if (file.isPresent()) {
            assertThat(file.get().startsWith(root)).as("vault password file inside the case").isTrue();
            Files.createDirectories(file.get().getParent());
            Files.writeString(file.get(), "unused\n");
        }
    }

    private static String execLine(AnsibleRun ansible) {
        String marker = "SSH: EXEC ";
        return ansible.stdout().lines().filter(l -> l.contains(marker)).findFirst()
                .map(l -> l.substring(l.indexOf(marker) + marker.length()))
                .orElseThrow(() -> new AssertionError("no SSH: EXEC line in\n" + ansible.stdout() + ansible.stderr()));
    }

    /** The {@code -o Key=value} options after ssh_args, first value of each key. */
    private static Map<String, String> options(List<String> words) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(words);
        for (int i = 0; i + 1 < rest.size(); i++) {
            if (rest.get(i).equals("-o") && rest.get(i + 1).contains("=")) {
                String[] kv = rest.get(i + 1).split("=", 2);
                out.putIfAbsent(kv[0], kv[1]);
                i++;
            }
        }
        return out;
    }
}
