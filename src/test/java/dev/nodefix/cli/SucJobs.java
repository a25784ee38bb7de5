package dev.nodefix.cli;

import dev.nodefix.lab.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * An exported Secret and Plans emulated on the lab as SUC would run their Jobs: the Secret's script put where the
 * Secret's mount puts it and the upgrade container's command run inside the node with SUC's environment variables.
 * The node's root is the lab node's own root, so {@code chroot /host} is run as {@code chroot /} (a lab node is
 * namespaces over this machine's root, with no separate /host to mount).
 *
 * @param secret the Secret, @param server the server Plan, @param agent the agent Plan, as exported
 */
record SucJobs(Lab lab, Map<String, Object> secret, Map<String, Object> server, Map<String, Object> agent) {
    /** The manifests {@code export suc -o} wrote to {@code file}: the Secret, the server Plan, the agent Plan. */
    static SucJobs of(Lab lab, Path file) throws IOException {
        List<Map<String, Object>> docs = documents(file);
        return new SucJobs(lab, docs.get(0), docs.get(1), docs.get(2));
    }

    String script() {
        return (String) map(secret, "stringData").get("node.sh");
    }

    /** One Job on {@code node}, of the server Plan on the first lab node (the k3s server), else of the agent Plan. */
    String job(String node) {
        return job(node.equals(lab.names().get(0)) ? server : agent, node, script());
    }

    /** One pass in the Plans' order: the server Plan's node, then the agent Plan's, one at a time; each Job's output. */
    List<String> pass() {
        List<String> out = new ArrayList<>();
        lab.names().forEach(n -> out.add(job(n)));
        return out;
    }

    /** One Job of {@code plan} on {@code node}: the Secret where its mount is, the upgrade container's command. */
    @SuppressWarnings("unchecked")
    String job(Map<String, Object> plan, String node, String script) {
        Map<String, Object> spec = map(plan, "spec");
        Map<String, Object> mount = ((List<Map<String, Object>>) spec.get("secrets")).get(0);
        String dir = ((String) mount.get("path")).replaceFirst("^/host/", "/");
        lab.exec(node, "sh", "-c", "mkdir -p \"$1\" && printf %s \"$2\" | base64 -d > \"$1/node.sh\"", "put", dir,
                Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> upgrade = map(spec, "upgrade");
        List<String> argv = new ArrayList<>(List.of("env", "SYSTEM_UPGRADE_NODE_NAME=" + node,
                "SYSTEM_UPGRADE_POD_NAME=apply-" + map(plan, "metadata").get("name") + "-on-" + node,
                "SYSTEM_UPGRADE_POD_UID=00000000-0000-4000-8000-000000000000",
                "SYSTEM_UPGRADE_PLAN_NAME=" + map(plan, "metadata").get("name"),
                "SYSTEM_UPGRADE_PLAN_LATEST_VERSION=" + spec.get("version"),
                "SYSTEM_UPGRADE_PLAN_LATEST_HASH=0123456789abcdef0123456789abcdef0123456789abcdef01234567"));
        ((List<String>) upgrade.get("command")).forEach(w -> argv.add(w.equals("/host") ? "/" : w));
        argv.addAll((List<String>) upgrade.get("args"));
        try {
            return lab.exec(node, argv.toArray(String[]::new));
        } finally {
            lab.exec(node, "rm", "-rf", "/run/system-upgrade");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))
                .forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }
}
