package dev.nodefix.shell;

import dev.nodefix.inventory.DidYouMean;
import dev.nodefix.module.Module;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.module.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        int names = modules.all().stream().mapToInt(m -> m.name().length()).max().orElse(0);
        for (Module<?> m : modules.all()) {
            lines.add("  " + pad(m.name(), names) + "  " + m.description());
        }
        return String.join("\n", lines);
    }

    private static String command(ShellCommands.Entry e) {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + e.synopsis());
        e.description().forEach(d -> lines.add("  " + d));
        return String.join("\n", lines);
    }

    /** The module's line, then a table of its arguments: name, type, required or default, description. */
    static String module(Module<?> m) {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + m.name() + " KEY=VALUE ... [--check] [--diff] [--yes]");
        lines.add("  " + m.description());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ARGUMENT", "TYPE", "DEFAULT", "DESCRIPTION"));
        for (Param p : m.params()) {
            rows.add(List.of(p.name() + (p.type() == dev.nodefix.module.ParamType.SWITCH_MAP ? ".NAME" : ""),
                    type(p), p.required() ? "(required)" : p.fallback().orElse("-"), p.description()));
        }
        int[] widths = new int[3];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            lines.add(("  " + pad(row.get(0), widths[0]) + "  " + pad(row.get(1), widths[1]) + "  "
                    + pad(row.get(2), widths[2]) + "  " + row.get(3)).stripTrailing());
        }
        return String.join("\n", lines);
    }

    private static String type(Param p) {
        return switch (p.type()) {
            case CHOICE -> String.join("|", p.choices());
            case SWITCH, SWITCH_MAP -> "on|off";
            default -> p.type().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String pad(String s, int width) {
        return String.format("%-" + Math.max(width, 1) + "s", s);
    }
}
