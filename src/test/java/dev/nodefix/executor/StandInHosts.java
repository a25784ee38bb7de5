package dev.nodefix.executor;

import dev.nodefix.engine.Connections;
import dev.nodefix.engine.ShellNode;
import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Group;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.Role;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.ssh.Keygen;
import dev.nodefix.transport.ssh.SshTransportFactory;
import dev.nodefix.transport.ssh.TestHosts;
import dev.nodefix.transport.ssh.TestSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hosts for a playbook test: one in-JVM SSH server and {@link ShellNode} per host, each with its own node
 * journal directory ({@code DIR/nodes/HOST}, so locks do not collide) and its own directory for the files its
 * tasks write ({@code DIR/files/HOST}); an inventory of them (groups {@code all} and one per role, in the order
 * given) and the connections to them.
 */
final class StandInHosts implements AutoCloseable {
    /** A host of a case: its name and k3s role. */
    record Spec(String name, Role role) {
    }

    /** The command timeout of hosts where a command hangs: long enough for a loaded machine's real commands. */
    static final Duration HANG_TIMEOUT = Duration.ofSeconds(4);

    private final Path dir;
    private final List<TestSshServer> servers;
    private final Map<String, ShellNode> nodes;
    private final List<Host> hosts;
    private final Connections connections;

    private StandInHosts(Path dir, List<TestSshServer> servers, Map<String, ShellNode> nodes, List<Host> hosts,
                         Connections connections) {
        this.dir = dir;
        this.servers = servers;
        this.nodes = nodes;
        this.hosts = hosts;
        this.connections = connections;
    }

    static StandInHosts start(Path dir, List<Spec> specs) throws IOException {
        return start(dir, specs, Map.of());
    }

    /**
     * @param fates per host, texts and their fates: a command line holding the text meets that fate on that host
     *     (the first that matches; else it runs). Where one hangs, the connections give up on a command after
     *     {@link #HANG_TIMEOUT} instead of the usual roomy timeout.
     */
    static StandInHosts start(Path dir, List<Spec> specs, Map<String, Map<String, ShellNode.Fate>> fates)
            throws IOException {
        Path key = Keygen.generate(dir, "id_ed25519", "ed25519", "");
        List<TestSshServer> servers = new ArrayList<>();
        Map<String, ShellNode> nodes = new LinkedHashMap<>();
        List<Host> hosts = new ArrayList<>();
        StringBuilder knownHosts = new StringBuilder();
        for (Spec spec : specs) {
            Path nodeDir = Files.createDirectories(dir.resolve("nodes").resolve(spec.name()));
            Files.createDirectories(dir.resolve("files").resolve(spec.name()));
            Map<String, ShellNode.Fate> own = fates.getOrDefault(spec.name(), Map.of());
            ShellNode node = new ShellNode(nodeDir, line -> own.entrySet().stream().filter(f -> line.contains(f.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(ShellNode.Fate.RUN));
            nodes.put(spec.name(), node);
            TestSshServer server = TestSshServer.start(List.of(Keygen.pub(key)), node);
            servers.add(server);
            knownHosts.append(server.knownHostsLine()).append('\n');
            List<String> groups = spec.role() == Role.UNKNOWN ? List.of() : List.of(spec.role().label());
            hosts.add(new Host(spec.name(), Map.of(), groups,
                    Connection.to("127.0.0.1").withPort(server.port()).withUser("tester"), spec.role()));
        }
        Path known = Files.writeString(dir.resolve("known_hosts"), knownHosts);
        SshSettings settings = TestHosts.settings(known, Optional.of(key), Map.of());
        if (fates.values().stream().anyMatch(f -> f.containsValue(ShellNode.Fate.HANG))) {
            settings = TestHosts.withCommandTimeout(settings, HANG_TIMEOUT);
        }
        SshTransportFactory factory = new SshTransportFactory(settings);
        return new StandInHosts(dir, servers, nodes, hosts, new Connections(factory));
    }

    List<Host> hosts() {
        return hosts;
    }

    Connections connections() {
        return connections;
    }

    Inventory inventory() {
        Map<String, Group> groups = new LinkedHashMap<>();
        groups.put("all", new Group("all", Map.of(), hosts.stream().map(Host::name).toList(), List.of()));
        for (Role role : List.of(Role.SERVER, Role.AGENT)) {
            List<String> members = hosts.stream().filter(h -> h.role() == role).map(Host::name).toList();
            if (!members.isEmpty()) {
                groups.put(role.label(), new Group(role.label(), Map.of(), members, List.of()));
            }
        }
        Map<String, Host> byName = new LinkedHashMap<>();
        hosts.forEach(h -> byName.put(h.name(), h));
        return new Inventory("stand-in inventory", groups, byName);
    }

    /** How many commands (SSH execs) the host has run so far. */
    int execs(String host) {
        return nodes.get(host).received().size();
    }

    /** Where every host's files are: {@code {{ root }}/HOST/...} in a playbook. */
    Path filesRoot() {
        return dir.resolve("files");
    }

    Path files(String host) {
        return filesRoot().resolve(host);
    }

    /** The host's node journal directory (its /var/lib/nodefix). */
    Path journalDir(String host) {
        return dir.resolve("nodes").resolve(host);
    }

    /** Every file under the hosts' file and journal directories with its content, by path: what a run left. */
    Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        for (Path root : List.of(filesRoot(), dir.resolve("nodes"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.toList()) {
                    out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        connections.close();
        servers.forEach(TestSshServer::close);
    }
}
