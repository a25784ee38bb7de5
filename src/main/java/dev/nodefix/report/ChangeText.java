package dev.nodefix.report;

import dev.nodefix.change.Change;
import dev.nodefix.engine.HostPlan;
import dev.nodefix.engine.HostResult;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.engine.TaskResult;
import dev.nodefix.module.Plan;
import java.io.PrintWriter;
import java.util.List;

/**
 * Text of a changing run: the plan (what {@code --check} shows and the operator confirms), then one line
 * per task and host as it was applied, then a recap. Hosts in the order given (sorted by the caller).
 */
public final class ChangeText {
    private final Style style;
    private final boolean diff;
    private final boolean verbose;

    public ChangeText(Style style, boolean diff, boolean verbose) {
        this.style = style;
        this.diff = diff;
        this.verbose = verbose;
    }

    public void plan(PrintWriter out, String title, List<HostPlan> plans) {
        out.println("PLAN " + title);
        for (HostPlan hp : plans) {
            if (!hp.planned()) {
                out.println("  " + hp.host() + "  " + (hp.unreachable() ? style.unreachable("unreachable")
                        : style.failed("failed")) + "  " + hp.error());
                continue;
            }
            for (TaskPlan tp : hp.plans()) {
                planLine(out, hp.host(), tp);
            }
        }
        out.flush();
    }

    private void planLine(PrintWriter out, String host, TaskPlan tp) {
        if (tp.plan() instanceof Plan.NoOp n) {
            out.println("  " + host + "  " + style.ok("ok") + "  " + n.reason());
        } else if (tp.plan() instanceof Plan.Refused r) {
            out.println("  " + host + "  " + style.failed("refused") + "  " + r.reason());
        } else {
            for (Change c : tp.plan().changeList()) {
                out.println("  " + host + "  " + style.changed("change") + "  " + c.describe());
                printDiff(out, c);
            }
        }
        tp.notes().forEach(n -> out.println("  " + host + "  " + style.dim(n)));
    }

    public void result(PrintWriter out, HostResult host) {
        if (host.tasks().isEmpty() || !host.message().isEmpty()) {
            host.tasks().forEach(t -> taskLine(out, host.host(), t));
            out.println("  " + host.host() + "  " + label(host.status()) + "  " + host.message());
        } else {
            host.tasks().forEach(t -> taskLine(out, host.host(), t));
        }
        out.flush();
    }

    private void taskLine(PrintWriter out, String host, TaskResult t) {
        switch (t.outcome()) {
            case CHANGED -> t.changes().forEach(c -> {
                out.println("  " + host + "  " + style.changed("changed") + "  " + c.describe());
                printDiff(out, c);
            });
            case OK -> out.println("  " + host + "  " + style.ok("ok") + "  " + t.name()
                    + (verbose || !t.detail().isEmpty() ? ": " + t.detail() : ""));
            default -> {
                t.changes().forEach(c -> out.println("  " + host + "  " + style.changed("changed") + "  " + c.describe()));
                out.println("  " + host + "  " + style.failed(t.outcome().label()) + "  " + t.detail());
            }
        }
        if (verbose) {
            t.notes().forEach(n -> out.println("  " + host + "  " + style.dim(n)));
        }
    }

    /** A batch of a run that goes in batches starts: {@code BATCH 2/4  agt1}. */
    public void batch(PrintWriter out, int batch, int batches, List<String> hosts) {
        out.println("BATCH " + (batch + 1) + "/" + batches + "  " + UntrustedText.name(String.join(", ", hosts)));
        out.flush();
    }

    /** The health gate after a batch: empty problem when it passed. */
    public void gate(PrintWriter out, List<String> hosts, java.util.Optional<String> problem) {
        out.println(GateLine.of(style, hosts, problem));
        out.flush();
    }

    public void recap(PrintWriter out, List<HostResult> results) {
        out.println("RECAP");
        for (HostResult r : results) {
            out.println("  " + r.host() + "  " + label(r.status()) + "  changes=" + r.changedCount());
        }
        out.flush();
    }

    private String label(HostResult.Status status) {
        return switch (status) {
            case OK -> style.ok("ok");
            case CHANGED -> style.changed("changed");
            case FAILED, LOCKED -> style.failed(status.label());
            case UNREACHABLE -> style.unreachable("unreachable");
        };
    }

    private void printDiff(PrintWriter out, Change c) {
        if (diff) {
            c.diff().ifPresent(d -> d.lines().forEach(l -> out.println("      " + l)));
        }
    }
}
