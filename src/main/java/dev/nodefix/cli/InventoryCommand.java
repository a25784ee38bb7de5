package dev.nodefix.cli;

import dev.nodefix.inventory.Inventory;
import dev.nodefix.report.ConnectionExplanation;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.InventoryGraph;
import dev.nodefix.report.InventoryListing;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nodefix inventory --list|--graph}: the inventory as nodefix (and Ansible) reads it. */
@picocli.CommandLine.Command(name = "inventory", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show the inventory as Ansible reads it, or how nodefix reaches one host.",
                "--list prints JSON with the shape and values of `ansible-inventory --list`, so the two can be diffed.",
                "--graph prints the group tree like `ansible-inventory --graph`.",
                "--host H prints one host's variables like `ansible-inventory --host H`.",
                "--host H --explain shows how nodefix will reach H and why: each setting with the file and line"
                + " (inventory, group_vars, ansible.cfg, ssh config), option or default that decided it."})
public final class InventoryCommand implements Callable<Integer> {
    static final class Mode {
        @Option(names = "--list", required = true, description = "All groups and hosts with merged variables, as JSON.")
        boolean list;

        @Option(names = "--graph", required = true, arity = "0..1", paramLabel = "GROUP", fallbackValue = "all",
                description = "The group tree (from GROUP, default all).")
        String graph;

        @Option(names = "--host", required = true, paramLabel = "HOST",
                description = "One host's variables as JSON (as ansible-inventory --host); with --explain, every"
                        + " connection setting and where it came from.")
        String host;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--explain",
            description = "With --host: each connection setting (address, port, user, keys, jump host, known_hosts,"
                    + " host key checking, timeout, become) with the inventory, group_vars, ansible.cfg, ssh config"
                    + " line, option or default it came from.")
    boolean explain;

    @Mixin InventoryOptions inventory;

    private final CliContext ctx;

    public InventoryCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (inventory.limit != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "inventory shows the whole inventory; -l/--limit selects hosts for ping and run");
        }
        if (explain && mode.host == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--explain needs --host HOST");
        }
        Inventory parsed = inventory.load(ctx);
        if (mode.host != null) {
            ctx.out().print(explain ? new ConnectionExplanation().render(inventory.setup(ctx).connection(mode.host))
                    : new InventoryListing().renderHost(parsed, mode.host) + "\n");
        } else if (mode.list) {
            ctx.out().println(new InventoryListing().render(parsed));
        } else {
            ctx.out().print(new InventoryGraph().render(parsed, mode.graph));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }
}
