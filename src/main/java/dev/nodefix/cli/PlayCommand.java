package dev.nodefix.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code nodefix play FILE}: a playbook planned on every host, confirmed, applied batch by batch, journaled. */
@Command(name = "play", sortOptions = false, mixinStandardHelpOptions = true,
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
    @Mixin ChangingOptions common;

    private final CliContext ctx;

    public PlayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new PlayRun(ctx, file, flags, common).run();
    }
}
