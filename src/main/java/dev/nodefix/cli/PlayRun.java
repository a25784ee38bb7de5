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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code nodefix play FILE} does once its options are parsed: the playbook loaded (every problem printed, exit
 * 1), a listing when one is asked for, else the run through the workflow with its {@code --report} before and after,
 * the retry file of the hosts that did not finish, and {@code --rollback-on-failure}'s rollback.
 */
record PlayRun(CliContext ctx, Path file, PlayFlags flags, ChangingOptions common) {

    /** The run's exit code (as {@link ExitCode#of(Outcome)}; 1 for a playbook that does not load). */
    int run() {
        Playbook book;
        PlayOptions options;
        try {
            options = flags.options(ctx, common.inventory, common.spec);
            book = new PlaybookLoader(ctx.services().modules(), ctx.services().expressions()).load(file, options.extraVars());
        } catch (PlaybookException e) {
            e.problems().forEach(p -> ctx.err().println("nodefix: error: " + p));
            ctx.err().flush();
            return ExitCode.USAGE;
        }
        if (flags.listing()) {
            return flags.list(ctx, book, options, this::inventory, common.inventory);
        }
        return apply(book, options);
    }

    private int apply(Playbook book, PlayOptions options) {
        Inventory inv = inventory();
        List<Host> selected = common.inventory.select(inv);
        if (PlayFlags.usesBecome(book)) { // a vaulted sudo password that cannot be decrypted stops the run first
            selected.forEach(common.setup(ctx)::becomePassword);
        }
        Optional<PlayReport> reported = PlayReport.before(ctx, flags.report, common.inventory, common.connection,
                common.become, options.extraVars());
        String what = "play " + file + (options.extraVars().isEmpty() ? "" : " " + options.extraVars());
        Outcome outcome = common.changing(ctx, common.setup(ctx), inv, selected).run(book, options,
                common.request(ctx, file.toString(), what, RunKind.APPLY, Optional.empty()));
        PrintWriter out = common.output.json() ? ctx.err() : ctx.out();
        RetryFile.write(common.inventory.ansibleConfig(ctx), file, outcome.ends().entrySet().stream()
                .filter(e -> !e.getValue().complete()).map(Map.Entry::getKey).toList()).ifPresent(out::println);
        out.flush();
        if (flags.rollbackOnFailure && outcome.stopped().isPresent() && !outcome.failedBatch().isEmpty()) {
            rollBack(outcome.run().orElseThrow(), outcome.failedBatch(), out);
        }
        int exit = ExitCode.of(outcome);
        return reported.map(r -> r.write("play " + file + (outcome.run().isPresent() ? "" : ": nothing changed"),
                outcome.run().isPresent(), exit)).orElse(exit);
    }

    /** The inventory, with group_vars/ and host_vars/ beside the playbook counted too, as ansible-playbook does. */
    private Inventory inventory() {
        return common.inventory.setup(ctx, common.connection.overrides(common.become),
                Optional.ofNullable(file.toAbsolutePath().getParent())).inventory();
    }

    /** {@code --rollback-on-failure}: the batch that stopped the run, rolled back (under --json, reported on stderr). */
    private void rollBack(String id, List<String> hosts, PrintWriter out) {
        out.println("rolling back the batch that stopped the run: " + String.join(", ", hosts));
        out.flush();
        Outcome back = new RollbackRun(common.output.json() ? ctx.withOut(ctx.err()) : ctx,
                common.inventory.limitedTo(hosts), common.connection, common.become, common.change.confirmed(),
                common.output, false, null, Optional.empty(), List.of()).run(id);
        if (back.status() != Outcome.Status.OK) {
            ctx.err().println("nodefix: the rollback of that batch did not complete (exit " + ExitCode.of(back)
                    + "); run nodefix rollback " + id + common.inventory.hint() + " again");
            ctx.err().flush();
        }
    }
}
