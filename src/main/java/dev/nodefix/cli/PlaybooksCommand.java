package dev.nodefix.cli;

import dev.nodefix.playbook.BundledPlaybooks;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.PlaybooksText;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodefix playbooks [show NAME]}: the playbooks shipped with nodefix. */
@Command(name = "playbooks", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = PlaybooksCommand.Show.class,
        description = {"List the playbooks that ship with nodefix, each with what it does.",
                "Run one by name (nodefix play fix-vxlan-checksum); `playbooks show NAME` prints it, to copy and adapt.",
                "A file given to play wins over a shipped playbook of the same name."})
public final class PlaybooksCommand implements Callable<Integer> {
    private final CliContext ctx;

    public PlaybooksCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        new PlaybooksText().list(ctx.out(), new BundledPlaybooks().list());
        ctx.out().flush();
        return ExitCode.OK;
    }

    /** {@code nodefix playbooks show NAME}: one shipped playbook's text. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a shipped playbook (to copy and adapt: nodefix playbooks show NAME > my.yaml).")
    public static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "A playbook's name, as `nodefix playbooks` lists it.")
        String name;

        private final CliContext ctx;

        public Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            BundledPlaybooks bundled = new BundledPlaybooks();
            Optional<String> text = bundled.find(name);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("no playbook named " + name + " ships with nodefix (there are: "
                        + String.join(", ", bundled.names()) + ")");
            }
            ctx.out().print(text.get());
            ctx.out().flush();
            return ExitCode.OK;
        }
    }
}
