package dev.nodefix.modules;

import dev.nodefix.module.Args;
import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import dev.nodefix.module.Plan;
import dev.nodefix.probe.ProbeTarget;
import dev.nodefix.query.ConnectQuery;
import dev.nodefix.query.ConnectState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code probe}: a check that a TCP connect from the node to {@code target} (a ClusterIP:port whose pod is on
 * another node, in the 63-second case) succeeds within {@code timeout}, and optionally within {@code max_ms}.
 * It changes nothing: a no-op when the connect is good, a refusal saying what it saw when it is not.
 */
public final class Probe implements Module<Probe.ProbeArgs> {
    public record ProbeArgs(ProbeTarget target, Duration timeout, Optional<Integer> maxMs) {
        public ProbeArgs {
            Objects.requireNonNull(target, "target");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            Objects.requireNonNull(maxMs, "maxMs");
        }
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public boolean checksOnly() {
        return true;
    }

    @Override
    public String description() {
        return "Check that a TCP connect from the node to IP:PORT succeeds in time (the 63-second delay check).";
    }

    @Override
    public List<Param> params() {
        return List.of(Param.required("target", ParamType.STRING, "IP:PORT, e.g. a ClusterIP and its port"),
                Param.withDefault("timeout", ParamType.SECONDS, "5", "seconds to wait for the connect"),
                Param.optional("max_ms", ParamType.INT, "fail a connect slower than this many milliseconds"));
    }

    @Override
    public ProbeArgs bind(Args args) {
        ProbeTarget target;
        try {
            target = ProbeTarget.parse(args.string("target"));
        } catch (IllegalArgumentException e) {
            throw args.error("target", e.getMessage().replaceFirst("^probe target: ", ""));
        }
        Duration timeout = args.seconds("timeout");
        if (timeout.isZero() || timeout.toSeconds() > 3600) {
            throw args.error("timeout", "expected more than 0 and at most 3600 seconds");
        }
        Optional<Integer> maxMs = args.has("max_ms") ? Optional.of(args.integer("max_ms")) : Optional.empty();
        if (maxMs.filter(m -> m <= 0).isPresent()) {
            throw args.error("max_ms", "must be more than 0");
        }
        return new ProbeArgs(target, timeout, maxMs);
    }

    @Override
    public List<Query> reads(ProbeArgs args) {
        return List.of(connect(args));
    }

    @Override
    public Plan plan(ProbeArgs args, NodeState state) {
        ConnectState c = connect(args).in(state);
        String to = args.target().toString();
        return switch (c.outcome()) {
            case CONNECTED -> connected(args, to, c.millis().orElse(0.0));
            case STALLED -> new Plan.Refused("no connect to " + to + " within " + seconds(args.timeout())
                    + ": matches the 63 s SYN-retransmission pattern (" + c.detail() + ")");
            case FAILED -> new Plan.Refused("connect to " + to + " failed at once (refused or no route): not the 63 s"
                    + " pattern; is the target a live service? (" + c.detail() + ")");
            case NO_TOOL -> new Plan.Refused("cannot probe " + to + ": neither curl nor nc is installed on the node");
        };
    }

    private static Plan connected(ProbeArgs args, String to, double ms) {
        String took = String.format(Locale.ROOT, "%.1f ms", ms);
        if (args.maxMs().filter(max -> ms > max).isPresent()) {
            return new Plan.Refused("connected to " + to + " in " + took + ", more than max_ms " + args.maxMs().get()
                    + (ms >= 900 ? ": a SYN was retransmitted (the 1 s / 63 s pattern)" : ""));
        }
        return new Plan.NoOp("connected to " + to + " in " + took);
    }

    /** "5 s", "2.5 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static ConnectQuery connect(ProbeArgs args) {
        return new ConnectQuery(args.target().ip(), args.target().port(), args.timeout());
    }
}
