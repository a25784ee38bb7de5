package dev.nodefix.cli;

import dev.nodefix.module.Module;
import dev.nodefix.report.ExitCode;
import dev.nodefix.report.ModuleText;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nodefix modules [MODULE]}: the built-in modules from the registry, or one module's arguments. */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = {"List the built-in modules, or show one module's arguments.",
                "A module is what `nodefix run -m MODULE -a 'KEY=VALUE ...'` applies and what a playbook task names."
                + " With MODULE: its arguments, their types and defaults.",
                "Exit: 0 ok, 1 no such module."})
public final class ModulesCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODULE", description = "The module whose arguments to show.")
    String name;

    private final CliContext ctx;

    public ModulesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (name == null) {
            ctx.out().println("Modules (nodefix modules MODULE shows one's arguments):");
            ModuleText.list(ctx.services().modules().all()).forEach(ctx.out()::println);
        } else {
            Module<?> module = ctx.services().modules().get(name); // an unknown name: exit 1 with a did-you-mean
            ctx.out().println(ModuleText.describe(module, "nodefix run -m " + module.name() + " -a 'KEY=VALUE ...'"
                    + " (in a playbook: a task's `" + module.name() + ":` mapping)"));
        }
        ctx.out().flush();
        return ExitCode.OK;
    }
}
