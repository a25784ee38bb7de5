package dev.nodefix.cli;

import dev.nodefix.executor.PlayOptions;
import dev.nodefix.executor.PlaybookListing;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.playbook.ExtraVars;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.Serial;
import dev.nodefix.report.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code play}'s own options, as ansible-playbook's: extra vars, tags, {@code --serial}, and the listings that run
 * nothing ({@code --syntax-check}, {@code --list-hosts}, {@code --list-tasks}); then nodefix's own:
 * {@code --rollback-on-failure} and {@code --report}.
 */
public final class PlayFlags {
    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
            description = {"Variables for every expression, over the plays' vars, as ansible-playbook reads them:"
                    + " NAME=VALUE words, @FILE (YAML or JSON) or '{\"name\": value}' (repeatable; a later one wins)."})
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-t", "--tags"}, split = ",", paramLabel = "TAG",
            description = "Only the tasks with one of these tags (and those tagged always).")
    Set<String> tags = new LinkedHashSet<>();

    @Option(names = "--skip-tags", split = ",", paramLabel = "TAG",
            description = "Not the tasks with one of these tags.")
    Set<String> skipTags = new LinkedHashSet<>();

    @Option(names = "--serial", paramLabel = "N|N%", description = "Batch size for every play, over their `serial`.")
    String serial;

    @Option(names = "--syntax-check", description = "Only read and check the playbook (as ansible-playbook); no host is"
            + " reached. Exit 0, or 1 with every problem.")
    boolean syntaxCheck;

    @Option(names = "--list-hosts", description = "List each play's hosts (as ansible-playbook); nothing is run.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List each play's tasks with their tags (as ansible-playbook);"
            + " nothing is run.")
    boolean listTasks;

    @Option(names = "--rollback-on-failure",
            description = "When a batch stops the run, roll that batch's hosts back right away (journaled, as"
                    + " `nodefix rollback`).")
    boolean rollbackOnFailure;

    @Option(names = "--report", paramLabel = "FILE", description = "Write an HTML report (as diagnose --html): the"
            + " cluster diagnosed before the run and after it, every changed cell showing what it was, and the probe"
            + " times before and after with -e probe_target=IP:PORT (or the inventory's nodefix_probe_targets).")
    java.nio.file.Path report;

    /** The run's options: {@code -e} (vaulted values decrypted), tags, {@code --serial}. */
    PlayOptions options(CliContext ctx, InventoryOptions inventory, picocli.CommandLine.Model.CommandSpec spec) {
        Optional<Serial> batches;
        try {
            batches = Optional.ofNullable(serial).map(Serial::ofOption);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return new PlayOptions(ExtraVars.decrypted(ExtraVars.parse(extraVars), inventory.unvault(ctx)), batches, tags,
                skipTags, PlayOptions.GATE_TIMEOUT);
    }

    /** Whether only a listing is asked for. */
    boolean listing() {
        return syntaxCheck || listHosts || listTasks;
    }

    /** {@code --syntax-check}, {@code --list-hosts}, {@code --list-tasks}: printed as ansible-playbook does. */
    int list(CliContext ctx, Playbook book, PlayOptions options, Supplier<Inventory> inventory, InventoryOptions names) {
        if (syntaxCheck) {
            ctx.out().print(PlaybookListing.syntaxChecked(book));
        } else {
            Optional<PlaybookListing.Selection> hosts = Optional.empty();
            if (listHosts) {
                Inventory inv = inventory.get();
                hosts = Optional.of(new PlaybookListing.Selection(inv, names.names(inv)));
            }
            ctx.out().print(PlaybookListing.of(book, hosts, options, listTasks));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** Whether any play, task or handler of the playbook runs with {@code become}. */
    static boolean usesBecome(Playbook book) {
        return book.plays().stream().anyMatch(p -> p.become().orElse(false)
                || p.tasks().stream().anyMatch(t -> t.become().orElse(false))
                || p.handlers().stream().anyMatch(t -> t.become().orElse(false)));
    }
}
