package dev.nodefix.app;

import dev.nodefix.cli.BecomeOptions;
import dev.nodefix.cli.CliContext;
import dev.nodefix.cli.ConnectionOptions;
import dev.nodefix.cli.InventoryOptions;
import dev.nodefix.connect.Setup;
import dev.nodefix.shell.Shell;
import dev.nodefix.shell.ShellContext;
import dev.nodefix.shell.ShellInventory;
import dev.nodefix.shell.ShellState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code nodefix shell}: an interactive shell over the same commands and journal, for live triage. It lives here, where
 * the command tree is put together, because the shell runs that tree's commands.
 */
@picocli.CommandLine.Command(name = "shell", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"An interactive shell for live triage: select hosts, look, try one change and undo it.",
                "cd to some hosts, look (list, facts, diagnose, run), try one change with any module, and undo it:",
                "  ethtool iface=flannel.1 features.tx-checksum-ip-generic=off",
                "Every change goes through the same plan, confirmation and journal as `nodefix run -m`, so"
                + " `nodefix runs` lists it and `nodefix rollback` undoes it too.",
                "`help` in the shell lists its commands. With stdin not a terminal it reads commands line by line"
                + " (no prompt; changes need --yes) and exits with the first failed command's code.",
                "History: $XDG_STATE_HOME/nodefix/shell_history (default ~/.local/state/nodefix/)."})
public final class ShellCommand implements Callable<Integer> {
    /** Options the shell keeps as session state or handles itself, rather than passing on to each command. */
    private static final Set<String> OWN = Set.of("--inventory", "--limit", "--forks", "--become", "--help", "--version");

    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;

    @Option(names = "--no-color", description = "No ANSI colours (also when NO_COLOR is set and not empty, or TERM is dumb).")
    boolean noColor;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final CliContext ctx;

    public ShellCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Setup setup = inventory.setup(ctx, connection, become);
        // a bad inventory or an empty target is an error up front
        List<String> selected = inventory.select(setup.inventory()).stream().map(dev.nodefix.inventory.Host::name).toList();
        List<Path> sources = setup.sources();
        if (sources.size() != 1) {
            throw new IllegalArgumentException("nodefix shell reads one inventory source; " + sources.size()
                    + " were given (" + setup.inventory().source() + "): merge them into one file or directory");
        }
        ShellState state = ShellState.start(sources.get(0), passedOn())
                .withForks(connection.forks(setup.forks())).withBecome(become.become());
        Optional<String> limit = inventory.limit();
        if (limit.isPresent()) {
            // @RUN and @FILE are read once, here: the shell's target is then the hosts they named
            state = state.withPattern(limit.get().contains("@") ? String.join(",", selected) : limit.get());
        }
        Supplier<Setup> setups = inventory.setups(ctx, connection, become);
        ShellInventory hosts = new ShellInventory(sources.get(0), () -> setups.get().inventory(),
                inventory.setupFiles(ctx));
        Shell shell = new Shell(new ShellContext(ctx.out(), ctx.err(), ctx.env(), this::run,
                ctx.services().runs(), ctx.services().modules()), state, hosts);
        if (!ctx.interactive()) {
            return shell.scripted(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true).build()) {
            return shell.interactive(terminal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** One command line of the shell, run by the whole command tree with the shell's output and questions. */
    private int run(List<String> argv, PrintWriter out, PrintWriter err, boolean interactive, Predicate<String> confirm) {
        return Nodefix.cli(ctx.withTerminal(out, err, interactive, confirm)).execute(argv.toArray(String[]::new));
    }

    /** The connection and become options given to the shell, as each command it runs takes them. */
    private List<String> passedOn() {
        List<String> out = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (OWN.contains(option.longestName())) {
                continue;
            }
            out.add(option.longestName());
            if (option.arity().max() > 0) {
                out.addAll(option.originalStringValues());
            }
        }
        return out;
    }
}
