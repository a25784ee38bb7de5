package dev.nodefix.cli;

import dev.nodefix.connect.Setup;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.journal.RunKind;
import dev.nodefix.workflow.Request;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every changing command ({@code play}, {@code run}, {@code rollback}) takes, in the order their help
 * lists them: inventory, connection, become, plan and confirmation, output. Builds the {@link Changing} run and the
 * workflow's {@link Request} from them.
 */
public final class ChangingOptions {
    @Mixin InventoryOptions inventory;
    @Mixin ConnectionOptions connection;
    @Mixin BecomeOptions become;
    @Mixin ChangeOptions change;
    @Mixin OutputOptions output;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The connection setup of these options (inventory, ansible.cfg, ssh config, vault). */
    Setup setup(CliContext ctx) {
        return inventory.setup(ctx, connection, become);
    }

    /** A changing run over {@code selected} of {@code inv}, reached with {@code setup}. */
    Changing changing(CliContext ctx, Setup setup, Inventory inv, List<Host> selected) {
        return new Changing(ctx, setup, inv, selected, connection, become, change, output);
    }

    /** The workflow's request: the run's title and listing, its inventory, and the retry hint of this command line. */
    Request request(CliContext ctx, String title, String what, RunKind kind, Optional<String> rollbackOf) {
        return new Request(title, what, kind, rollbackOf, Optional.of(inventory.used(ctx)), inventory.hint(),
                RetryHint.of(args()));
    }

    /** The command line as given, for the retry hint (empty for a command built in code). */
    List<String> args() {
        return RetryHint.args(spec);
    }

    /** A usage error of this command (exit 1, with its usage). */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
