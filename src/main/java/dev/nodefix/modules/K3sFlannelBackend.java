package dev.nodefix.modules;

import dev.nodefix.change.Change;
import dev.nodefix.change.K3sRestart;
import dev.nodefix.fact.BackendSupport;
import dev.nodefix.fact.K3sRelease;
import dev.nodefix.fact.NetConf;
import dev.nodefix.fact.Section;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.Args;
import dev.nodefix.module.HostContext;
import dev.nodefix.query.OnLinkQuery;
import dev.nodefix.query.OnLinkState;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FileState;
import dev.nodefix.query.K3sSourcesQuery;
import dev.nodefix.query.K3sVersionQuery;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code k3s_flannel_backend}: set a k3s server's flannel backend where k3s reads it, restart it, clean up
 * what the old backend leaves behind and verify the new one ({@link K3sRestart}).
 *
 * <p>Where it is written: where k3s takes the value it runs with ({@link BackendPlacement}, read by
 * {@link K3sSourcesQuery} the way k3s reads it): a unit drop-in's or the unit's ExecStart, an env file's variable the
 * command line expands, the config file of K3S_CONFIG_FILE/--config, a config.yaml.d file or config.yaml; every place
 * it overrides that says otherwise is rewritten too, so none contradicts it afterwards, and a changed unit file is
 * followed by a daemon-reload. When nothing sets it, the key is added to the config file k3s reads (config.yaml,
 * created 0600 root:root if missing: it usually holds the token), unless the wanted backend is k3s's default vxlan.
 * Each file is edited by splicing the value, the rest stays byte for byte.
 *
 * <p>Refusals: a server told {@code flannel-backend none} (flannel is deployed apart from k3s: its backend is that
 * deployment's), unless forced; a backend the node's k3s release does not take ({@link BackendSupport}: wireguard-native before
 * v1.23.6+k3s1, or v1.22.9/v1.21.12 on those lines; {@code k3s --version} is read only for such a backend, and an
 * unreadable version does not refuse); agents (k3s has no such flag there: restart them with the {@code service} module,
 * k3s-agent.service, state restarted, after all servers); host-gw unless the caller says every peer node
 * is on-link ({@code l2_adjacent}) or forces it; a value it cannot place safely (it cannot be told, a
 * {@code flannel-backend+:} append, a unit outside /etc/systemd/system, a file it cannot edit in place), naming the
 * file:line k3s takes it from.
 */
public final class K3sFlannelBackend implements Module<K3sFlannelBackend.BackendArgs> {
    public static final String SERVER_UNIT = "k3s.service";
    public static final String AGENT_UNIT = "k3s-agent.service";
    public static final String UNIT_FILE = "/etc/systemd/system/k3s.service";
    public static final String CONFIG_FILE = "/etc/rancher/k3s/config.yaml";
    static final List<String> BACKENDS = List.of("vxlan", "host-gw", "wireguard-native", "none");
    static final String NO_PREFLIGHT = "host-gw needs every node pair L2-adjacent: run the L2 preflight first"
            + " (nodefix diagnose) or pass l2_adjacent/force";

    /** @param l2Adjacent the L2 preflight's result (every peer node on-link); empty when not run */
    public record BackendArgs(String backend, boolean force, boolean restart, Optional<Boolean> l2Adjacent,
                              Duration timeout) {
        public BackendArgs {
            if (!BACKENDS.contains(backend)) {
                throw new IllegalArgumentException("not a flannel backend: " + backend);
            }
            Objects.requireNonNull(l2Adjacent, "l2Adjacent");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final K3sSourcesQuery k3s = K3sSourcesQuery.shipped();

    @Override
    public String name() {
        return "k3s_flannel_backend";
    }

    @Override
    public String description() {
        return "Set a k3s server's flannel backend where k3s takes it from (unit or drop-in ExecStart, env file,"
                + " config.yaml(.d)), restart it, remove the old backend's leftovers, verify net-conf.json.";
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("backend", ParamType.CHOICE, true, BACKENDS, Optional.empty(), "the flannel backend"),
                Param.optional("l2_adjacent", ParamType.SWITCH,
                        "the L2 preflight's result: every peer node is on-link (needed for host-gw)"),
                Param.withDefault("force", ParamType.SWITCH, "off", "switch to host-gw even if the L2 preflight failed"),
                Param.withDefault("restart", ParamType.SWITCH, "on", "restart k3s.service, clean up and verify"),
                Param.withDefault("timeout", ParamType.SECONDS, "120", "seconds to wait for k3s and net-conf.json"));
    }

    @Override
    public BackendArgs bind(Args args) {
        Duration timeout = args.seconds("timeout");
        if (args.switchOn("restart") && timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw args.error("timeout", "must be at least 1 second when restart is on");
        }
        return new BackendArgs(args.string("backend"), args.switchOn("force"), args.switchOn("restart"),
                args.optionalSwitch("l2_adjacent"), timeout);
    }

    @Override
    public List<Query> reads(BackendArgs args) {
        List<Query> reads = new ArrayList<>(List.of(new Query.File(CONFIG_FILE), new Query.File(UNIT_FILE),
                new Query.File(K3sRestart.NET_CONF), new Query.Unit(SERVER_UNIT), new Query.Unit(AGENT_UNIT), k3s));
        if (versionBound(args.backend())) {
            reads.add(new K3sVersionQuery()); // only some k3s releases take it
        }
        return List.copyOf(reads);
    }

    /** Whether some k3s release that has {@code --flannel-backend} refuses {@code backend}. */
    private static boolean versionBound(String backend) {
        return BackendSupport.check(backend, Optional.empty()).verdict() == BackendSupport.Verdict.UNKNOWN;
    }

    /** Adds the L2 preflight (a route lookup to every other inventory node) when host-gw needs it. */
    @Override
    public List<Query> reads(BackendArgs args, HostContext context) {
        if (!args.backend().equals("host-gw") || args.force() || args.l2Adjacent().isPresent()) {
            return reads(args);
        }
        List<Query> all = new java.util.ArrayList<>(reads(args));
        all.add(new OnLinkQuery(context.peers()));
        return all;
    }

    @Override
    public Plan plan(BackendArgs args, NodeState state) {
        Optional<String> notServer = notAServer(state);
        if (notServer.isPresent()) {
            return new Plan.Refused(notServer.get());
        }
        Optional<K3sRelease> release = state.k3sVersion().flatMap(K3sRelease::of);
        BackendSupport support = BackendSupport.check(args.backend(), release);
        if (support.verdict() == BackendSupport.Verdict.REFUSED) {
            return new Plan.Refused(support.reason());
        }
        try {
            checkUnit(state);
            BackendPlacement placed = BackendPlacement.of(args.backend(), state.k3sSources().orElseThrow(
                    () -> new IllegalStateException("state not read: " + k3s)), path -> exact(state, path));
            Optional<String> netConf = running(state.file(K3sRestart.NET_CONF));
            Optional<String> preflight = preflight(args, state.onLink());
            Plan plan = plan(args, placed, netConf);
            return preflight.isPresent() && plan instanceof Plan.Changes ? new Plan.Refused(preflight.get()) : plan;
        } catch (K3sEditException e) {
            return new Plan.Refused(e.getMessage());
        }
    }

    private Plan plan(BackendArgs args, BackendPlacement placed, Optional<String> netConf) {
        String want = args.backend();
        String configured = placed.configured();
        if (configured.equals("none") && !want.equals("none") && !args.force()) {
            return new Plan.Refused(externalFlannel(placed.where()));
        }
        String running = configured.equals("none") ? "none" : netConf.orElse(configured);
        List<Change> changes = new ArrayList<>(placed.changes());
        boolean switches = !running.equals(want);
        String where = placed.where() + "; " + netConf.map(v -> "net-conf.json: " + K3sRestart.netConfType(v))
                .orElse("no net-conf.json");
        if (changes.isEmpty() && !switches) { // every place that sets it and net-conf.json say want
            return new Plan.NoOp("flannel backend is already " + want + " (" + where + ")");
        }
        if (changes.isEmpty() && !args.restart()) {
            return new Plan.NoOp("configured " + want + " (" + where + "), but k3s runs " + running
                    + " until " + SERVER_UNIT + " restarts; restart is off");
        }
        if (switches && args.restart()) {
            changes.add(new K3sRestart(SERVER_UNIT, running, want, args.timeout()));
        }
        return new Plan.Changes(changes);
    }

    /**
     * Why host-gw must not be switched to: the caller's {@code l2_adjacent} says so, or the node's own route
     * lookups show a peer behind a gateway (the cross-VPC case). Empty when it may, or when forced.
     */
    private static Optional<String> preflight(BackendArgs args, Optional<OnLinkState> onLink) {
        if (!args.backend().equals("host-gw") || args.force()) {
            return Optional.empty();
        }
        if (args.l2Adjacent().isPresent()) {
            return args.l2Adjacent().get() ? Optional.empty()
                    : Optional.of("the L2 preflight failed (not every peer node is on-link): host-gw routes pod subnets via"
                            + " peer node IPs, which only works between L2-adjacent nodes; pass force: on to switch anyway");
        }
        if (onLink.isEmpty()) {
            return Optional.of(NO_PREFLIGHT);
        }
        Map<String, String> behind = onLink.get().notOnLink();
        if (behind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("L2 preflight failed: host-gw routes pod subnets via peer node IPs, which only works between"
                + " L2-adjacent nodes, and " + behind.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(java.util.stream.Collectors.joining(", "))
                + " is not on-link from here; pass force=on to switch anyway");
    }

    /** Why this node is not a k3s server this module can switch; empty when it is one. */
    private static Optional<String> notAServer(NodeState state) {
        if (state.role() == Role.AGENT) {
            return Optional.of(agentReason("the inventory says this node is an agent"));
        }
        boolean installed = true;
        if (state.role() == Role.UNKNOWN && !state.unit(SERVER_UNIT).exists()) {
            if (state.unit(AGENT_UNIT).exists()) {
                return Optional.of(agentReason("it has " + AGENT_UNIT + " and no " + SERVER_UNIT));
            }
            installed = false;
        }
        if (!(state.file(UNIT_FILE) instanceof FileState.Present)) {
            return Optional.of(installed ? "no " + UNIT_FILE + ": nodefix switches the backend only where k3s's"
                    + " install.sh put the server unit (its ExecStart may set --flannel-backend)"
                    : "k3s is not installed here (no " + SERVER_UNIT + " or " + AGENT_UNIT + ")");
        }
        return Optional.empty();
    }

    /** Why k3s told {@code flannel-backend none} is not switched: flannel is deployed apart from it. */
    static String externalFlannel(String where) {
        return "k3s runs no flannel (" + where + "): flannel is deployed apart from k3s (a"
                + " DaemonSet, canal), so its backend is set in that deployment's net-conf.json (Backend.Type); switching"
                + " k3s would start k3s's own flannel beside it. Pass force: on to hand the network to k3s's flannel";
    }

    static String agentReason(String why) {
        return "refused on an agent (" + why + "): --flannel-backend is a server flag and k3s rejects it on agents"
                + " (flag provided but not defined: -flannel-backend). An agent takes the servers' backend when it"
                + " restarts: after every server has switched, restart " + AGENT_UNIT
                + " with the service module (state: restarted)";
    }

    /** Refuses a server unit that runs {@code k3s agent}. */
    private static void checkUnit(NodeState state) {
        FileState.Present unit = (FileState.Present) state.file(UNIT_FILE);
        if (K3sUnitFile.parse(UNIT_FILE, BackendPlacement.text(UNIT_FILE, unit)).subcommand().filter("agent"::equals)
                .isPresent()) {
            throw new K3sEditException(agentReason(UNIT_FILE + " runs `k3s agent`"));
        }
    }

    /** The module's own exact reads of the installer's unit and config.yaml. */
    private static Optional<FileState> exact(NodeState state, String path) {
        return path.equals(UNIT_FILE) || path.equals(CONFIG_FILE) ? Optional.of(state.file(path)) : Optional.empty();
    }

    /** The backend k3s last started flannel with, as a flag value, from net-conf.json's Backend.Type. */
    private static Optional<String> running(FileState netConf) {
        if (!(netConf instanceof FileState.Present p)) {
            return Optional.empty();
        }
        return NetConf.FACT.parse(Section.ran("net-conf", 0, p.text().lines().toList())).backendType()
                .filter(t -> t.matches("[a-z0-9][a-z0-9-]*")).map(t -> t.equals("wireguard") ? "wireguard-native" : t);
    }
}
