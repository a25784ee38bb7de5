package dev.nodefix.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running lab of simulated k3s nodes (real sshd in network namespaces), brought up with
 * {@code lab/lab up} under its own prefix, bridge and subnet so it never collides with a demo lab.
 */
public final class Lab implements AutoCloseable {
    public static final String PREFIX = "nfxit";

    /**
     * The names a lab lives under. Routed profiles ({@code not-l2-adjacent}) also use a second bridge and
     * subnet: {@link #bridge2()} is {@code bridge} with its last digit + 1 ({@code nfxitbr0 -> nfxitbr1}) and
     * {@link #net2()} is {@code net} with its third octet + 100 ({@code 10.99.1 -> 10.99.101}), the same rule
     * as lab/lib/routed.sh; the router namespace is {@code PREFIX-rtr}.
     *
     * @param net the first three octets, e.g. {@code 10.99.1}
     * @param dir LAB_DIR; the inventory is {@code dir/lab.yaml}
     */
    public record LabNames(String prefix, String bridge, String net, Path dir) {
        public LabNames {
            if (!prefix.matches("[a-z][a-z0-9]{0,7}") || !bridge.matches("[A-Za-z0-9_-]{1,14}[0-8]")
                    || !net.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
                throw new IllegalArgumentException("bad lab names: " + prefix + " " + bridge + " " + net);
            }
        }

        /** The integration tests' lab: nfxit, nfxitbr0, 10.99.1, {@code target/it-lab}. */
        public static LabNames integration(Path repo) {
            return new LabNames(PREFIX, "nfxitbr0", "10.99.1", repo.resolve("target/it-lab"));
        }

        public String bridge2() {
            return bridge.substring(0, bridge.length() - 1) + (char) (bridge.charAt(bridge.length() - 1) + 1);
        }

        public String net2() {
            int dot = net.lastIndexOf('.');
            int c = Integer.parseInt(net.substring(dot + 1));
            return net.substring(0, dot + 1) + (c < 156 ? c + 100 : c - 100);
        }
    }

    private final Path repo;
    private final LabNames names;
    private final int nodes;
    private final Map<String, String> extraEnv;

    private Lab(Path repo, LabNames names, int nodes, Map<String, String> extraEnv) {
        this.repo = repo;
        this.names = names;
        this.nodes = nodes;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    public static Lab up(Path repo, int nodes, String profile) {
        return up(repo, nodes, profile, LabNames.integration(repo));
    }

    public static Lab up(Path repo, int nodes, String profile, LabNames names) {
        return up(repo, nodes, profile, names, Map.of());
    }

    /** As {@link #up(Path, int, String, LabNames)} with more lab/lab variables (LAB_NET_BITS, LAB_POD_MASK, ...). */
    public static Lab up(Path repo, int nodes, String profile, LabNames names, Map<String, String> extraEnv) {
        Lab lab = new Lab(repo, names, nodes, extraEnv);
        lab.script(List.of("up", Integer.toString(nodes), "--profile", profile), 180);
        return lab;
    }

    public LabNames labNames() {
        return names;
    }

    public Path repo() {
        return repo;
    }

    public Path dir() {
        return names.dir();
    }

    public Path inventory() {
        return names.dir().resolve("lab.yaml");
    }

    public Path knownHosts() {
        return names.dir().resolve("known_hosts");
    }

    public Path clientKey() {
        return names.dir().resolve("id_ed25519");
    }

    public int size() {
        return nodes;
    }

    /** Node names in order: nfxit001, nfxit002, ... (PREFIXnnn; node 1 is the k3s server). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add(String.format("%s%03d", this.names.prefix(), i));
        }
        return names;
    }

    /** Runs a command inside a node's namespaces (not over SSH) and returns its stdout. */
    public String exec(String node, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", node));
        args.addAll(List.of(command));
        return script(args, 30);
    }

    /**
     * {@code lab/lab reboot [NODE...]}: each node's /run state reset, flannel.1 deleted, enabled units started
     * again (k3s re-creates flannel.1 with offloads on; udev rules and flannel.1-bound units fire). sshd keeps
     * running. No nodes: all of them. Returns the per-node summary lines.
     */
    public String reboot(String... nodes) {
        List<String> args = new ArrayList<>(List.of("reboot"));
        args.addAll(List.of(nodes));
        return script(args, 120);
    }

    public void stopSshd(String node) {
        script(List.of("stop-sshd", node), 30);
    }

    public void startSshd(String node) {
        script(List.of("start-sshd", node), 30);
    }

    @Override
    public void close() {
        script(List.of("down"), 120);
    }

    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("LAB_DIR", names.dir().toString());
        env.put("LAB_PREFIX", names.prefix());
        env.put("LAB_BRIDGE", names.bridge());
        env.put("LAB_NET", names.net());
        env.put("LAB_BRIDGE2", names.bridge2());
        env.put("LAB_NET2", names.net2());
        env.put("LAB_INVENTORY", inventory().toString());
        env.putAll(extraEnv);
        return env;
    }

    private String script(List<String> args, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo.resolve("lab/lab").toString());
        cmd.addAll(args);
        try {
            Path log = Files.createTempFile("nodefix-lab", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("lab " + args + " timed out; log: " + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("lab " + args + " failed (" + p.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run lab " + args, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
