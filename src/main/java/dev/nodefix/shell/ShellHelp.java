package dev.nodefix.shell;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.report.ModuleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The text of {@code help}, {@code help COMMAND} and {@code help MODULE}. */
final class ShellHelp {
    private final ModuleRegistry modules;

    ShellHelp(ModuleRegistry modules) {
        this.modules = modules;
    }

    Action.Say help(String topic) {
        if (topic.isBlank()) {
            return Action.Say.info(overview());
        }
        Optional<ShellCommands.Entry> command = ShellCommands.find(topic);
        if (command.isPresent()) {
            return Action.Say.info(command(command.get()));
        }
        Optional<Module<?>> module = modules.all().stream().filter(m -> m.name().equals(topic)).findFirst();
        if (module.isPresent()) {
            return Action.Say.info(module(module.get()));
        }
        List<String> known = Stream.concat(ShellCommands.ALL.stream().map(ShellCommands.Entry::name),
                modules.all().stream().map(Module::name)).toList();
        return Action.Say.error("help: no command or module '" + topic + "'" + DidYouMean.hint(topic, known));
    }

    private String overview() {
        List<String> lines = new ArrayList<>();
        lines.add("Commands (the target is the hosts `cd` selected; help COMMAND for more):");
        int width = ShellCommands.ALL.stream().mapToInt(e -> e.synopsis().length()).max().orElse(0);
        for (ShellCommands.Entry e : ShellCommands.ALL) {
            lines.add("  " + pad(e.synopsis(), width) + "  " + e.summary());
        }
        lines.add("");
        lines.add("Modules (MODULE KEY=VALUE ... [--yes]: planned, shown and confirmed; help MODULE for its arguments):");
        lines.addAll(ModuleText.list(modules.all()));
        return String.join("\n", lines);
    }

    private static String command(ShellCommands.Entry e) {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + e.synopsis());
        e.description().forEach(d -> lines.add("  " + d));
        return String.join("\n", lines);
    }

    /** The module's line, then a table of its arguments (as {@code nodefix modules MODULE} prints it). */
    static String module(Module<?> m) {
        return ModuleText.describe(m, m.name() + " KEY=VALUE ... [--check] [--diff] [--yes]");
    }

    private static String pad(String s, int width) {
        return String.format("%-" + Math.max(width, 1) + "s", s);
    }
}
