package dev.nodefix.sshconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code ssh -G} (and {@code ssh -v} for the expanded IdentityFile/CertificateFile list, which
 * {@code -G} prints unexpanded) on every host of every fixture under sshconfig/parity and checks that nodefix
 * computes the same value for every keyword it uses. A fixture with a system file is run in a private mount
 * namespace where that file is bind-mounted over /etc/ssh/ssh_config and the test home over the user's
 * home, so ssh reads both files as it would on a real machine; the others use {@code ssh -F}.
 */
class SshConfigSshParityTest {
    private static final Set<String> KEYWORDS = Set.of("hostname", "user", "port", "identitiesonly", "identityagent",
            "proxyjump", "proxycommand", "userknownhostsfile", "globalknownhostsfile", "stricthostkeychecking",
            "connecttimeout", "serveraliveinterval");
    private static final List<String> KEYWORDS_AND_FILES = Stream.concat(KEYWORDS.stream().sorted(),
            Stream.of("identityfile", "certificatefile")).toList();
    private static final String PW_DIR = System.getProperty("user.home");
    private static final String LOCAL_USER = System.getProperty("user.name");

    @TempDir
    Path scratch;

    @BeforeAll
    static void requireSsh() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ssh")));
        if (!found) {
            fail("ssh not found on PATH: install openssh-client (apt-get install openssh-client)");
        }
    }

    static Stream<Arguments> hosts() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path fixture : SshFixture.all("parity")) {
            for (String line : Files.readAllLines(fixture.resolve("hosts.txt"))) {
                String[] words = line.strip().split("\\s+");
                if (!line.isBlank() && !line.startsWith("#")) {
                    Optional<String> user = words.length > 1 ? Optional.of(words[1].substring("user=".length()))
                            : Optional.empty();
                    out.add(Arguments.of(fixture.getFileName().toString(), words[0], user, fixture));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("hosts")
    void nodefixReadsTheConfigAsSshDoes(String name, String host, Optional<String> user, Path source)
            throws Exception {
        SshFixture fixture = SshFixture.copy(source, scratch);
        SshHostConfig mine = fixture.load().forHost(host, user, LOCAL_USER);
        Map<String, List<String>> nodefix = new LinkedHashMap<>();
        HostConfigText.of(mine).forEach(t -> nodefix.computeIfAbsent(t.keyword(), k -> new ArrayList<>())
                .add(t.value()));

        Map<String, List<String>> ssh = new LinkedHashMap<>();
        for (String line : ssh(fixture, host, user, List.of("-G")).stdout().lines().toList()) {
            String[] kv = line.split(" ", 2);
            if (KEYWORDS.contains(kv[0])) {
                ssh.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(homeOf(fixture, kv[1]));
            }
        }
        for (String line : ssh(fixture, host, user, List.of("-v", "-o", "ProxyCommand=exit 0", "-o",
                "BatchMode=yes")).stderr().lines().toList()) {
            for (String kind : List.of("identity", "certificate")) {
                String prefix = "debug1: " + kind + " file ";
                if (line.startsWith(prefix)) {
                    String file = homeOf(fixture, line.substring(prefix.length(), line.lastIndexOf(" type ")));
                    List<String> files = ssh.computeIfAbsent(kind + "file", k -> new ArrayList<>());
                    if (files.isEmpty() || !file.equals(files.get(files.size() - 1) + "-cert")) {
                        files.add(file); // ssh also tries FILE-cert after a user's IdentityFile FILE
                    }
                }
            }
        }
        Map<String, String> differences = new LinkedHashMap<>();
        for (String keyword : KEYWORDS_AND_FILES) {
            if (!String.valueOf(nodefix.get(keyword)).equals(String.valueOf(ssh.get(keyword)))) {
                differences.put(keyword, "nodefix " + nodefix.get(keyword) + " ssh " + ssh.get(keyword));
            }
        }
        assertThat(differences).as("nodefix vs ssh for %s in %s", host, name).isEmpty();
    }

    /** ssh expands ~ and %d to the passwd home directory; nodefix to the home it is given. */
    private static String homeOf(SshFixture fixture, String value) {
        return value.replace(PW_DIR, fixture.home().toString());
    }

    record Output(String stdout, String stderr) {}

    private static Output ssh(SshFixture fixture, String host, Optional<String> user, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>(fixture.env());
        if (fixture.systemFile().isPresent()) {
            command.addAll(List.of("unshare", "-m", "sh", "-c", "mount --bind \"$0\" /etc/ssh/ssh_config"
                    + " && mount --bind \"$1\" \"$2\" && shift 2 && exec ssh \"$@\"",
                    fixture.systemFile().get().toString(), fixture.home().toString(), PW_DIR));
            env.put("HOME", PW_DIR);
        } else {
            command.addAll(List.of("ssh", "-F", fixture.userFile().toString()));
        }
        command.addAll(options);
        user.ifPresent(u -> command.addAll(List.of("-l", u)));
        command.add(host);
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = Files.createTempFile(fixture.root(), "ssh", ".err");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ssh timed out: " + command);
        }
        String stderr = Files.readString(err);
        if (options.contains("-G") && p.exitValue() != 0) {
            fail("ssh -G failed on " + host + ": " + stderr);
        }
        return new Output(out, stderr);
    }
}
