package dev.nodefix.cli;

import dev.nodefix.executor.PlayOptions;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.journal.RunKind;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.PlaybookException;
import dev.nodefix.playbook.PlaybookLoader;
import dev.nodefix.report.ExitCode;
import dev.nodefix.workflow.Outcome;
import dev.nodefix.workflow.Request;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nodefix play FILE}: a playbook planned on every host, confirmed, applied batch by batch, journaled. */
@picocli.CommandLine.Command(name = "play", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run a playbook: validated, planned on every host, confirmed, applied in batches, journaled.",
                "A playbook is plays of tasks, one module each (playbooks/, docs/playbooks.md).",
                "1. The file is validated first: every problem as FILE:LINE:COL, exit 1.",
                "2. Every host is planned: checks run, changes are shown (--diff: with diffs). --check stops here."
                + " Without --yes the plan is confirmed on the terminal; with no terminal and no --yes nothing changes.",
                "3. Play by play: k3s servers one at a time, then the rest in `serial` batches. After a batch that"
                + " changed something the health gate (k3s unit active, node Ready in `k3s kubectl`) must pass;"
                + " failures above a play's max_fail_percentage stop the run (--rollback-on-failure undoes that batch).",
                "4. Every change is journaled; the output ends with the run id and its rollback.",
                "Examples:",
                "  nodefix play fix-vxlan-checksum --check --diff",
                "  nodefix play fix-vxlan-checksum -y -e probe_target=IP:PORT",
                "Exit: 0 ok, 2 a task failed or the run stopped, 4 unreachable, 1 bad input."})
public final class PlayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAYBOOK", converter = PlaybookArgument.class,
            description = "The playbook file, or the name of one that ships with nodefix (nodefix playbooks).")
    Path file;

    @Mixin PlayFlags flags;

    @Option(names = "--rollback-on-failure",
            description = "When a batch stops the run, roll that batch's hosts back right away (journaled, as"
                    + " `nodefix rollback`).")
    boolean rollbackOnFailure;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report (as diagnose --html): the"
            + " cluster diagnosed before the run and after it, every changed cell showing what it was, and the probe"
            + " times before and after with -e probe_target=IP:PORT (or the inventory's nodefix_probe_targets).")
    Path report;

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin ChangeOptions change;
    @Mixin OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;

    public PlayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Playbook book;
        PlayOptions options;
        try {
            options = flags.options(ctx, inventory, spec);
            book = new PlaybookLoader(ctx.services().modules(), ctx.services().expressions()).load(file, options.extraVars());
        } catch (PlaybookException e) {
            e.problems().forEach(p -> ctx.err().println("nodefix: error: " + p));
            ctx.err().flush();
            return ExitCode.USAGE;
        }
        if (flags.listing()) {
            return flags.list(ctx, book, options, this::inventory, inventory);
        }
        Inventory inv = inventory();
        List<Host> selected = inventory.select(inv);
        if (PlayFlags.usesBecome(book)) { // a vaulted sudo password that cannot be decrypted stops the run first
            selected.forEach(inventory.setup(ctx, connection, become)::becomePassword);
        }
        Optional<PlayReport> reported = PlayReport.before(ctx, report, inventory, connection, become,
                options.extraVars());
        String what = "play " + file + (options.extraVars().isEmpty() ? "" : " " + options.extraVars());
        Outcome outcome = new Changing(ctx, inventory.setup(ctx, connection, become), inv, selected, connection, become,
                change, output).run(book, options, new Request(file.toString(), what, RunKind.APPLY, Optional.empty(),
                Optional.of(inventory.used(ctx)), inventory.hint(), RetryHint.of(RetryHint.args(spec))));
        PrintWriter out = output.json() ? ctx.err() : ctx.out();
        RetryFile.write(inventory.ansibleConfig(ctx), file, outcome.ends().entrySet().stream()
                .filter(e -> !e.getValue().complete()).map(java.util.Map.Entry::getKey).toList()).ifPresent(out::println);
        out.flush();
        if (rollbackOnFailure && outcome.stopped().isPresent() && !outcome.failedBatch().isEmpty()) {
            rollBack(outcome.run().orElseThrow(), outcome.failedBatch(), out);
        }
        int exit = ExitCode.of(outcome);
        return reported.map(r -> r.write("play " + file + (outcome.run().isPresent() ? "" : ": nothing changed"),
                outcome.run().isPresent(), exit)).orElse(exit);
    }

    /** The inventory, with group_vars/ and host_vars/ beside the playbook counted too, as ansible-playbook does. */
    private Inventory inventory() {
        return inventory.setup(ctx, connection.overrides(become), Optional.ofNullable(file.toAbsolutePath().getParent()))
                .inventory();
    }

    /** {@code --rollback-on-failure}: the batch that stopped the run, rolled back (under --json, reported on stderr). */
    private void rollBack(String id, List<String> hosts, PrintWriter out) {
        out.println("rolling back the batch that stopped the run: " + String.join(", ", hosts));
        out.flush();
        Outcome back = new RollbackRun(output.json() ? ctx.withOut(ctx.err()) : ctx, inventory.limitedTo(hosts),
                connection, become, change.confirmed(), output, false, null, Optional.empty(), List.of()).run(id);
        if (back.status() != Outcome.Status.OK) {
            ctx.err().println("nodefix: the rollback of that batch did not complete (exit " + ExitCode.of(back)
                    + "); run nodefix rollback " + id + inventory.hint() + " again");
            ctx.err().flush();
        }
    }
}
