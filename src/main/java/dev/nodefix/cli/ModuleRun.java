package dev.nodefix.cli;

import dev.nodefix.connect.Setup;
import dev.nodefix.executor.Batching;
import dev.nodefix.journal.RunKind;
import dev.nodefix.module.KeyValueArgs;
import dev.nodefix.playbook.Serial;
import dev.nodefix.workflow.GeneratedPlay;
import dev.nodefix.workflow.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nodefix run -m MODULE -a ARGS}: a one-task play of the module (its arguments checked before any host is
 * reached) through the workflow, in {@code --serial} batches.
 *
 * @param args the module's {@code key=value} arguments (null: none)
 * @param serial {@code --serial} as given (null: servers one at a time when k3s restarts, the rest at once)
 */
record ModuleRun(CliContext ctx, String module, String args, String serial, ChangingOptions common) {

    Outcome run() {
        String given = args == null ? "" : args;
        Map<String, Object> parsed = KeyValueArgs.parse(module, given);
        String what = (module + " " + given).strip();
        GeneratedPlay play = GeneratedPlay.module(what, module, parsed,
                ctx.services().modules().get(module).invoke(parsed));
        Setup setup = common.setup(ctx);
        return common.changing(ctx, setup, setup.inventory(), common.inventory.select(setup.inventory())).run(play,
                Batching.changes(batches(), List.of()), common.request(ctx, what, what, RunKind.APPLY, Optional.empty()));
    }

    private Optional<Serial> batches() {
        try {
            return Optional.ofNullable(serial).map(Serial::ofOption);
        } catch (IllegalArgumentException e) {
            throw common.usage(e.getMessage());
        }
    }
}
