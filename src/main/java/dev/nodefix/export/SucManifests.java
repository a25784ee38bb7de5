package dev.nodefix.export;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.nodefix.playbook.BatchSize;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.Serial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node script as manifests for Rancher's system-upgrade-controller (SUC): a Secret holding the script, a server
 * Plan (control-plane nodes, one at a time) and an agent Plan whose {@code prepare} container waits until the server
 * Plan is Complete (the shape of SUC's own k3s-upgrade example). The script runs as SUC's bionic example runs its
 * script: the Secret mounted under the host root, {@code chroot /host sh node.sh}. {@code spec.version} is the run
 * id, so SUC's plan hash (version, service account, the Secret's content) is new for every export and SUC runs each
 * selected node once per export (it labels a node {@code plan.upgrade.cattle.io/PLAN=HASH} when its Job
 * succeeded).
 *
 * @param name the base of the object names (a DNS label)
 * @param agentConcurrency agents at once when the playbook's serial does not give a number
 */
public record SucManifests(String name, String namespace, String image, String kubectlImage, String run,
                           Optional<Integer> agentConcurrency) {
    public static final String DEFAULT_IMAGE = "docker.io/library/busybox:1.36";
    /** The kubectl image SUC itself uses for drain (its job.go default). */
    public static final String DEFAULT_KUBECTL_IMAGE = "rancher/kubectl:v1.30.3";
    public static final String DEFAULT_NAMESPACE = "system-upgrade";
    /** Agents at once when the playbook has no serial (over SSH: all in one batch). */
    public static final int DEFAULT_AGENT_CONCURRENCY = 10;
    public static final String SCRIPT_KEY = "node.sh";
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    public SucManifests {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kubectlImage, "kubectlImage");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(agentConcurrency, "agentConcurrency");
        if (!name.matches(LABEL) || name.length() > 40) {
            throw new IllegalArgumentException("not a name for the Plans (lower-case letters, digits and '-', at most"
                    + " 40): '" + name + "'");
        }
        if (!namespace.matches(LABEL) || namespace.length() > 63) {
            throw new IllegalArgumentException("not a namespace name: '" + namespace + "'");
        }
        tagged("--image", image);
        tagged("--kubectl-image", kubectlImage);
    }

    /**
     * SUC gives an image without a tag the Plan's version as its tag (its WithLatestTag), here the run id: an image
     * that does not exist. So an image names its tag or digest.
     */
    private static void tagged(String option, String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        if (!image.contains("@") && !last.contains(":") || image.endsWith(":") || image.endsWith("@")) {
            throw new IllegalArgumentException(option + " " + image + ": give the image's tag or digest (" + last
                    + ":TAG or " + last + "@sha256:...): SUC tags an image without one with the Plan's version, the"
                    + " run id, and that image does not exist");
        }
    }

    /** The object names' base for a playbook file: {@code nodefix-} and the file's name as a DNS label. */
    public static String nameFor(Playbook book) {
        String base = book.file().getFileName().toString().replaceFirst("\\.ya?ml$", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        String name = "nodefix-" + base;
        return name.length() > 40 ? name.substring(0, 40).replaceAll("-+$", "") : name;
    }

    public String secretName() {
        return name;
    }

    public String serverPlan() {
        return name + "-server";
    }

    public String agentPlan() {
        return name + "-agent";
    }

    /** Where the Job's command finds the script once chrooted into the host root. */
    public String scriptPath() {
        return "/run/system-upgrade/secrets/" + secretName() + "/" + SCRIPT_KEY;
    }

    /** The Secret and the two Plans, as one YAML stream (apply it with kubectl apply -f, or ship it with GitOps). */
    public String yaml(Playbook book, String script) {
        return yaml(script, cordon(book), agents(book), Optional.empty());
    }

    /**
     * The Secret and Plans of a rollback of {@code rollbackOf} (the script from {@link NodeRollback}; {@link #run} is
     * the rollback's own id): the same shape as the run's, servers one at a time first, then the agents once the
     * server Plan is Complete, the order {@code nodefix rollback} keeps (a rollback rolls like the run it undoes:
     * servers first). The run's playbook is not known here, so nodes are not cordoned and agents go
     * {@code agentConcurrency} (default 10) at a time. Every object is also labelled
     * {@code nodefix.dev/rollback-of: RUN}.
     */
    public String rollbackYaml(String rollbackOf, String script) {
        return yaml(script, false, agentConcurrency.orElse(DEFAULT_AGENT_CONCURRENCY), Optional.of(rollbackOf));
    }

    private String yaml(String script, boolean cordon, int agents, Optional<String> rollbackOf) {
        return secret(script, rollbackOf) + "---\n" + plan(true, 1, cordon, rollbackOf) + "---\n"
                + plan(false, agents, cordon, rollbackOf);
    }

    /** The object names' base for a rollback of {@code run}: {@code nodefix-rollback-} and the run id in lower case. */
    public static String rollbackNameFor(String run) {
        return "nodefix-rollback-" + dev.nodefix.journal.RunId.check(run).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The playbook's rolling intent: a play with {@code serial} asks for a few nodes at a time with a health gate
     * after each batch; SUC has no gate, so such a playbook's nodes are cordoned while their Job runs.
     */
    static boolean cordon(Playbook book) {
        return book.plays().stream().anyMatch(p -> !p.serial().steps().isEmpty());
    }

    /** Agents at once: the first play's first serial batch when it is a number, else the option's, else 10. */
    int agents(Playbook book) {
        Serial serial = book.plays().get(0).serial();
        if (agentConcurrency.isPresent()) {
            return agentConcurrency.get();
        }
        if (serial.steps().isEmpty()) {
            return DEFAULT_AGENT_CONCURRENCY;
        }
        if (serial.steps().get(0) instanceof BatchSize.Count c) {
            return c.hosts();
        }
        Play play = book.plays().get(0);
        throw new ExportException(play.location(), "serial: " + serial + ": a Plan's concurrency is a number of nodes;"
                + " give --agent-concurrency N");
    }

    /**
     * The Secret holding the script byte for byte: as a literal block under {@code stringData} (readable) when a
     * YAML block keeps every character of it, else base64 under {@code data} (a carriage return, another control
     * character or a Unicode line separator would be read back as a line break, or not at all).
     */
    private String secret(String script, Optional<String> rollbackOf) {
        StringBuilder out = new StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + q(secretName())
                + "\n  namespace: " + q(namespace) + "\n" + labels("script", rollbackOf) + "type: Opaque\n");
        if (!blockKeeps(script)) {
            return out.append("data:\n  ").append(SCRIPT_KEY).append(": ").append(java.util.Base64.getEncoder()
                    .encodeToString(script.getBytes(java.nio.charset.StandardCharsets.UTF_8))).append('\n').toString();
        }
        out.append("stringData:\n  ").append(SCRIPT_KEY).append(": |\n");
        // split on \n only (String.lines() would split on a lone \r too); the script ends with its one \n
        for (String l : script.substring(0, script.length() - 1).split("\n", -1)) {
            out.append(l.isEmpty() ? "" : "    " + l).append('\n');
        }
        return out.toString();
    }

    /** Whether a literal block (clip chomping) reads back as exactly {@code script}. */
    static boolean blockKeeps(String script) {
        if (!script.endsWith("\n") || script.endsWith("\n\n") || script.startsWith(" ") || script.startsWith("\n")) {
            return false;
        }
        return script.codePoints().allMatch(c -> c == '\n' || c == '\t' || c >= 0x20 && c < 0x7f
                || c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029 || c >= 0xe000 && c <= 0xfffd && c != 0xfeff
                || c >= 0x10000);
    }

    private String plan(boolean server, int concurrency, boolean cordon, Optional<String> rollbackOf) {
        String role = server ? "server" : "agent";
        StringBuilder out = new StringBuilder("apiVersion: upgrade.cattle.io/v1\nkind: Plan\nmetadata:\n  name: "
                + q(server ? serverPlan() : agentPlan()) + "\n  namespace: " + q(namespace) + "\n" + labels(role, rollbackOf)
                + "spec:\n  concurrency: " + concurrency + "\n  version: " + q(run) + "\n"
                + "  nodeSelector:\n    matchExpressions:\n"
                + "      - {key: node-role.kubernetes.io/control-plane, operator: " + (server ? "Exists" : "DoesNotExist")
                + "}\n      - {key: nodefix.dev/skip, operator: DoesNotExist}\n"
                + "  serviceAccountName: system-upgrade\n  cordon: " + cordon + "\n");
        if (server) {
            out.append("  tolerations:\n    - {key: node-role.kubernetes.io/control-plane, operator: Exists}\n"
                    + "    - {key: node-role.kubernetes.io/master, operator: Exists}\n"
                    + "    - {key: CriticalAddonsOnly, operator: Exists}\n");
        }
        out.append("  secrets:\n    - name: ").append(q(secretName())).append("\n      path: ")
                .append(q("/host/run/system-upgrade/secrets/" + secretName())).append('\n');
        if (!server) {
            out.append("  prepare:\n    image: ").append(q(kubectlImage)).append("\n    args: ")
                    .append(list(List.of("wait", "--for=condition=Complete", "plans.upgrade.cattle.io/" + serverPlan(),
                            "--namespace=" + namespace, "--timeout=-1s"))).append('\n');
        }
        out.append("  upgrade:\n    image: ").append(q(image)).append("\n    command: ")
                .append(list(List.of("chroot", "/host"))).append("\n    args: ")
                .append(list(List.of("sh", scriptPath()))).append('\n');
        return out.toString();
    }

    private String labels(String role, Optional<String> rollbackOf) {
        return "  labels:\n    app.kubernetes.io/managed-by: nodefix\n    nodefix.dev/run: " + q(run)
                + rollbackOf.map(r -> "\n    nodefix.dev/rollback-of: " + q(r)).orElse("")
                + "\n    nodefix.dev/role: " + role + "\n";
    }

    /** A YAML double-quoted scalar (a JSON string is one). */
    private static String q(String text) {
        try {
            return JSON.std.asString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String list(List<String> words) {
        return "[" + String.join(", ", words.stream().map(SucManifests::q).toList()) + "]";
    }
}
