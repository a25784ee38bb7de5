package dev.nodefix.report;

import dev.nodefix.module.Module;
import dev.nodefix.module.Param;
import dev.nodefix.module.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The built-in modules as text: one line each, or one module's arguments as a table. */
public final class ModuleText {
    private ModuleText() {}

    /** Each module's name and its one-line description, names aligned. */
    public static List<String> list(List<Module<?>> modules) {
        int width = modules.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        return modules.stream().map(m -> ("  " + pad(m.name(), width) + "  " + m.description()).stripTrailing()).toList();
    }

    /**
     * The usage line, the module's line, then a table of its arguments: name, type, required or default, description.
     *
     * @param usage how the module is called where the text is shown (the shell and the command line differ)
     */
    public static String describe(Module<?> m, String usage) {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + usage);
        lines.add("  " + m.description());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ARGUMENT", "TYPE", "DEFAULT", "DESCRIPTION"));
        for (Param p : m.params()) {
            rows.add(List.of(p.name() + (p.type() == ParamType.SWITCH_MAP ? ".NAME" : ""),
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
