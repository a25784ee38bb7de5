package dev.nodefix.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.InventoryParser;
import dev.nodefix.inventory.Location;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Cases under {@code connect/merge/}: an inventory, what ansible.cfg and the ssh config say, the command line, and
 * the expected value of each setting with (a part of) its origin ("VALUE @ ORIGIN"), or the expected error.
 */
class ConnectionMergeCasesTest {
    private static final Path HOME = Path.of("/home/op");

    @TempDir
    Path tmp;

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(ConnectionMergeCasesTest.class.getResource("/connect/merge").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void mergesAsAnsibleAndSshWould(Path file) throws IOException {
        Map<String, Object> c = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file));
        Path inventory = tmp.resolve("hosts.yaml");
        Files.writeString(inventory, (String) c.get("inventory"));
        Host host = new InventoryParser(HOME).parse(inventory).host((String) c.get("host")).orElseThrow();
        Map<String, Object> sshFiles = map(c, "sshFiles");
        ConnectionMerge merge = new ConnectionMerge(cfg(map(c, "cfg")), ssh(map(c, "ssh")), cli(map(c, "cli")),
                (h, var) -> Optional.of(new Location("inv:" + var, 0, 0)), HOME, "localop", v -> "decrypted",
                named -> ssh(map(sshFiles, named.value())));
        if (c.containsKey("error")) {
            assertThatThrownBy(() -> merge.resolve(host)).isInstanceOf(SetupException.class)
                    .hasMessageContaining((String) c.get("error"));
            return;
        }
        Map<String, String> actual = settings(merge.resolve(host));
        map(c, "expect").forEach((setting, expected) ->
                assertThat(actual.get(setting)).as(setting + " in " + actual).isNotNull()
                        .satisfies(a -> matches(a, expected.toString(), setting)));
    }

    private static void matches(String actual, String expected, String setting) {
        String[] parts = expected.split(" @ ", 2);
        String[] got = actual.split(" @ ", 2);
        assertThat(got[0]).as(setting + " value").isEqualTo(parts[0]);
        if (parts.length > 1) {
            assertThat(got[1]).as(setting + " origin").contains(parts[1]);
        }
    }

    private static Map<String, String> settings(EffectiveConnection e) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("address", shown(e.address()));
        s.put("port", shown(e.port()));
        s.put("user", shown(e.user()));
        s.put("keys", String.join(", ", e.identityFiles().stream().map(ConnectionMergeCasesTest::shown).toList()));
        s.put("identitiesOnly", shown(e.identitiesOnly()));
        s.put("jump", e.jump().map(ConnectionMergeCasesTest::shown).orElse("none"));
        e.jump().ifPresent(j -> {
            s.put("jumpKeys", String.join(", ", j.value().identityFiles().stream().map(Path::toString).toList()));
            s.put("jumpNoAgent", Boolean.toString(j.value().noAgent()));
            s.put("jumpAgentSocket", j.value().identityAgent().map(Path::toString).orElse(""));
        });
        s.put("noAgent", Boolean.toString(e.connection().extras().noAgent()));
        s.put("agentSocket", e.connection().extras().identityAgent().map(Path::toString).orElse(""));
        s.put("knownHosts", String.join(", ", e.userKnownHostsFiles().stream().map(ConnectionMergeCasesTest::shown).toList()));
        s.put("hostKeyChecking", shown(e.hostKeyChecking()));
        s.put("connectTimeout", shown(e.connectTimeout()));
        s.put("become", shown(e.become()));
        s.put("becomeUser", shown(e.becomeUser()));
        return s;
    }

    private static String shown(Sourced<?> s) {
        return s.value() + " @ " + s.origin();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> c, String key) {
        Object v = c.get(key);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    private static <T> Optional<Sourced<T>> opt(Map<String, Object> m, String key, String origin, Class<T> type) {
        Object v = m.get(key);
        if (v == null) {
            return Optional.empty();
        }
        Object value = type == Path.class ? Path.of(v.toString()) : type == String.class ? v.toString() : v;
        return Optional.of(new Sourced<>(type.cast(value), new Location(origin + ":" + key, 0, 0)));
    }

    private static AnsibleDefaults cfg(Map<String, Object> m) {
        return new AnsibleDefaults(opt(m, "remote_user", "cfg", String.class), opt(m, "private_key_file", "cfg", Path.class),
                opt(m, "remote_port", "cfg", Integer.class), opt(m, "timeout", "cfg", Integer.class),
                opt(m, "become", "cfg", Boolean.class), opt(m, "become_user", "cfg", String.class),
                opt(m, "host_key_checking", "cfg", Boolean.class), opt(m, "ssh_args", "cfg", String.class),
                opt(m, "ssh_common_args", "cfg", String.class), opt(m, "ssh_extra_args", "cfg", String.class));
    }

    @SuppressWarnings("unchecked")
    private static SshLookup ssh(Map<String, Object> byHost) {
        return (destination, user) -> {
            Map<String, Object> m = (Map<String, Object>) byHost.get(destination);
            if (m == null) {
                return SshHostView.NONE;
            }
            return new SshHostView(opt(m, "HostName", "ssh", String.class), opt(m, "User", "ssh", String.class),
                    opt(m, "Port", "ssh", Integer.class), list(m, "IdentityFile"),
                    opt(m, "IdentitiesOnly", "ssh", Boolean.class), opt(m, "ProxyJump", "ssh", String.class),
                    opt(m, "ProxyCommand", "ssh", String.class), list(m, "UserKnownHostsFile"),
                    list(m, "GlobalKnownHostsFile"), opt(m, "StrictHostKeyChecking", "ssh", String.class),
                    opt(m, "ConnectTimeout", "ssh", Integer.class), opt(m, "IdentityAgent", "ssh", String.class));
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Sourced<Path>> list(Map<String, Object> m, String key) {
        List<Sourced<Path>> out = new ArrayList<>();
        for (Object v : (List<Object>) m.getOrDefault(key, List.of())) {
            out.add(new Sourced<>(Path.of(v.toString()), new Location("ssh:" + key, 0, 0)));
        }
        return out;
    }

    private static CommandLineOverrides cli(Map<String, Object> m) {
        return new CommandLineOverrides(Optional.ofNullable((String) m.get("user")),
                Optional.ofNullable((String) m.get("key")).map(Path::of),
                Optional.ofNullable((String) m.get("knownHosts")).map(Path::of),
                Optional.ofNullable((Integer) m.get("connectTimeout")),
                Boolean.TRUE.equals(m.get("acceptNew")), Boolean.TRUE.equals(m.get("become")),
                Optional.ofNullable((String) m.get("becomeUser")));
    }
}
