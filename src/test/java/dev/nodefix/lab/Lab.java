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
    private final Path repo;
    private final Path dir;
    private final int nodes;

    private Lab(Path repo, Path dir, int nodes) {
        this.repo = repo;
        this.dir = dir;
        this.nodes = nodes;
    }

    public static Lab up(Path repo, int nodes, String profile) {
        Path dir = repo.resolve("target/it-lab");
        Lab lab = new Lab(repo, dir, nodes);
        lab.script(List.of("up", Integer.toString(nodes), "--profile", profile), 180);
        return lab;
    }

    public Path repo() {
        return repo;
    }

    public Path dir() {
        return dir;
    }

    public Path inventory() {
        return dir.resolve("lab.yaml");
    }

    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    public Path clientKey() {
        return dir.resolve("id_ed25519");
    }

    public int size() {
        return nodes;
    }

    /** Node names in order: nfxit001, nfxit002, ... (node 1 is the k3s server). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            names.add(String.format("%s%03d", PREFIX, i));
        }
        return names;
    }

    /** Runs a command inside a node's namespaces (not over SSH) and returns its stdout. */
    public String exec(String node, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", node));
        args.addAll(List.of(command));
        return script(args, 30);
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
        env.put("LAB_DIR", dir.toString());
        env.put("LAB_PREFIX", PREFIX);
        env.put("LAB_BRIDGE", "nfxitbr0");
        env.put("LAB_NET", "10.99.1");
        env.put("LAB_INVENTORY", inventory().toString());
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
