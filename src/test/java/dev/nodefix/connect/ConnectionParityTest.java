package dev.nodefix.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real {@code ansible all -m ping} on each setup under {@code connect/parity/} with an ssh executable that
 * only records its arguments (nothing is contacted), asks the real {@code ssh -G} what those arguments and the ssh
 * config decide for every host, and checks that nodefix decides the same address, port, user, keys, jump host,
 * known_hosts files and host-key strictness.
 */
class ConnectionParityTest {
    @TempDir
    Path tmp;

    static Stream<Path> setups() throws IOException, URISyntaxException {
        Path dir = Path.of(ConnectionParityTest.class.getResource("/connect/parity").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void nodefixConnectsAsAnsibleAndSshWould(Path setup) throws Exception {
        Path work = copy(setup, tmp.resolve("work"));
        Files.deleteIfExists(work.resolve("work-files"));
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(setup.resolve("ssh_config"), home.resolve(".ssh/config"));
        if (Files.exists(setup.resolve("work-files"))) { // files ssh must find (it drops a missing -i file)
            for (String name : Files.readAllLines(setup.resolve("work-files"))) {
                Files.createDirectories(work.resolve(name).getParent());
                Files.createFile(work.resolve(name));
            }
        }
        Path records = Files.createDirectories(tmp.resolve("records"));
        Map<String, List<String>> ansibleArgs = ansibleSshArgs(work, home, records);

        Map<String, String> env = Map.of("HOME", home.toString());
        Setup nodefix = new SetupReader().read(new SetupRequest(env, work, home, System.getProperty("user.name"),
                inventoryArgs(work), Optional.of(home.resolve(".ssh/config")), Optional.empty(),
                CommandLineOverrides.NONE, v -> fail("nothing is vaulted here")));

        assertThat(nodefix.inventory().hosts()).isNotEmpty();
        for (String name : nodefix.inventory().hosts().keySet()) {
            EffectiveConnection c = nodefix.connection(name);
            List<String> args = ansibleArgs.get(c.destination().value());
            assertThat(args).as("ansible ran ssh for " + c.destination().value() + ": " + ansibleArgs.keySet()).isNotNull();
            Map<String, List<String>> ssh = sshG(home, work, args);
            String host = c.host();
            assertThat(c.address().value()).as(host + " hostname").isEqualTo(one(ssh, "hostname"));
            assertThat(c.port().value()).as(host + " port").isEqualTo(Integer.parseInt(one(ssh, "port")));
            assertThat(c.user().value()).as(host + " user").isEqualTo(one(ssh, "user"));
            if (!c.identityFilesDefault()) {
                assertThat(c.identityFiles().stream().map(k -> k.value().toString()).toList()).as(host + " keys")
                        .isEqualTo(ssh.get("identityfile").stream().map(k -> inHome(k, home)).toList());
            }
            assertThat(c.identitiesOnly().value()).as(host + " identitiesonly")
                    .isEqualTo(one(ssh, "identitiesonly").equals("yes"));
            assertThat(c.hostKeyChecking().value()).as(host + " stricthostkeychecking")
                    .isEqualTo(policy(one(ssh, "stricthostkeychecking")));
            if (!c.userKnownHostsFiles().get(0).origin().file().startsWith("default")) {
                assertThat(c.userKnownHostsFiles().stream().map(k -> k.value().toString()).toList())
                        .as(host + " userknownhostsfile").isEqualTo(Arrays.stream(one(ssh, "userknownhostsfile")
                                .split(" ")).map(k -> inHome(k, home)).toList());
            }
            assertThat(c.jump().map(j -> j.value().toString()).orElse("none")).as(host + " proxyjump")
                    .isEqualTo(jump(home, ssh));
        }
    }

    /**
     * A path ssh printed, with the home directory nodefix was given: ssh expands {@code ~} to the account's home
     * (getpwuid), which nodefix reads from user.home, but the test gives nodefix a home of its own.
     */
    private static String inHome(String path, Path home) {
        String real = System.getProperty("user.home");
        if (path.startsWith("~/")) {
            return home + path.substring(1);
        }
        return path.startsWith(real + "/") ? home + path.substring(real.length()) : path;
    }

    private static List<Path> inventoryArgs(Path work) {
        if (Files.exists(work.resolve("ansible.cfg"))) {
            return List.of(); // the inventory is named in ansible.cfg
        }
        return List.of(Files.exists(work.resolve("hosts.ini")) ? work.resolve("hosts.ini") : work.resolve("hosts.yaml"));
    }

    /** nodefix's two host-key policies for what ssh -G prints. */
    private static String policy(String ssh) {
        return ssh.equals("true") || ssh.equals("ask") ? "yes" : "accept-new";
    }

    /** ssh's proxyjump with the jump host's own config applied, as nodefix prints a jump. */
    private String jump(Path home, Map<String, List<String>> ssh) throws Exception {
        String spec = ssh.containsKey("proxyjump") ? one(ssh, "proxyjump") : "none";
        if (spec.equals("none")) {
            return "none";
        }
        String user = spec.contains("@") ? spec.substring(0, spec.indexOf('@')) : null;
        String hostPort = spec.substring(spec.indexOf('@') + 1);
        List<String> args = new ArrayList<>();
        if (user != null) {
            args.addAll(List.of("-l", user));
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']')) {
            args.addAll(List.of("-p", hostPort.substring(colon + 1)));
            hostPort = hostPort.substring(0, colon);
        }
        args.add(hostPort.replace("[", "").replace("]", ""));
        Map<String, List<String>> j = sshG(home, home, args);
        String port = one(j, "port");
        return one(j, "user") + "@" + one(j, "hostname") + (port.equals("22") ? "" : ":" + port);
    }

    private static String one(Map<String, List<String>> ssh, String key) {
        List<String> values = ssh.get(key);
        assertThat(values).as("ssh -G prints " + key).isNotNull();
        return values.get(0);
    }

    private Map<String, List<String>> ansibleSshArgs(Path work, Path home, Path records) throws Exception {
        Path recorder = tmp.resolve("record-ssh");
        Files.writeString(recorder, "#!/bin/sh\nf=\"" + records + "/$$\"\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$f\"\nexit 255\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of("ansible", "all", "-m", "ping", "-f", "1"));
        inventoryArgs(work).forEach(i -> command.addAll(List.of("-i", i.toString())));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("ansible.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("ANSIBLE_HOME", tmp.resolve("ansible-home").toString());
        env.put("ANSIBLE_LOCAL_TEMP", tmp.resolve("ansible-tmp").toString());
        env.put("ANSIBLE_SSH_EXECUTABLE", recorder.toString());
        env.put("ANSIBLE_SSH_RETRIES", "0");
        env.remove("ANSIBLE_CONFIG");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ansible did not finish: " + Files.readString(tmp.resolve("ansible.log")));
        }
        Map<String, List<String>> byDestination = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.sorted().toList()) {
                List<String> args = new ArrayList<>(Arrays.asList(
                        new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\0")));
                args.remove(args.size() - 1); // the remote command
                byDestination.put(args.get(args.size() - 1), args);
            }
        }
        return byDestination;
    }

    /** {@code ssh -G -F HOME/.ssh/config ARGS}: what ssh decides, keys lower-cased, every value kept in order. */
    private Map<String, List<String>> sshG(Path home, Path work, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh", "-G", "-F", home.resolve(".ssh/config").toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(tmp.resolve("ssh.err").toFile());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("ssh -G " + args + " failed: " + Files.readString(tmp.resolve("ssh.err")));
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.computeIfAbsent(line.substring(0, space).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(space + 1));
            }
        }
        return values;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
