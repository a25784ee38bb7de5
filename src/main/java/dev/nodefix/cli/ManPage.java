package dev.nodefix.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's man page in roff (man(7) macros), from the same command model {@code --help} prints: the summary,
 * the description paragraphs with their examples kept as lines, the arguments and options, the subcommands and the
 * footer. The man page viewer fills and wraps the paragraphs; the indented lines of the help text (examples) are
 * set as they are.
 */
public final class ManPage {
    private ManPage() {}

    /** The page's file name, e.g. {@code nodefix-run.1}. */
    public static String fileName(CommandSpec spec) {
        return pageName(spec) + ".1";
    }

    /** The roff text of {@code spec}'s page; {@code version} goes in the page footer. */
    public static String roff(CommandSpec spec, String version) {
        List<String> out = new ArrayList<>();
        String name = pageName(spec);
        out.add(".TH " + escape(name.toUpperCase(java.util.Locale.ROOT)) + " 1 \"\" \"" + escape(version) + "\" \"nodefix manual\"");
        out.add(".nh");
        out.add(".ad l");
        out.add(".SH NAME");
        String[] description = spec.usageMessage().description();
        out.add(escape(name) + " \\- " + escape(withoutFullStop(summary(spec))));
        out.add(".SH SYNOPSIS");
        out.add(".nf");
        out.add(escape(synopsis(spec)));
        out.add(".fi");
        out.add(".SH DESCRIPTION");
        paragraphs(out, List.of(description), false);
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            out.add(".SH ARGUMENTS");
            for (PositionalParamSpec p : positionals) {
                out.add(".TP");
                out.add("\\fI" + escape(p.paramLabel()) + "\\fR");
                paragraphs(out, descriptionOf(p), true);
            }
        }
        List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
        if (!options.isEmpty()) {
            out.add(".SH OPTIONS");
            for (OptionSpec o : options) {
                out.add(".TP");
                out.add(optionTerm(o));
                paragraphs(out, descriptionOf(o), true);
            }
        }
        Map<String, CommandLine> subcommands = spec.subcommands();
        if (!subcommands.isEmpty()) {
            out.add(".SH COMMANDS");
            for (CommandLine sub : subcommands.values()) {
                out.add(".TP");
                out.add("\\fB" + escape(sub.getCommandName()) + "\\fR");
                out.add(escape(summary(sub.getCommandSpec())));
            }
        }
        List<String> footer = List.of(spec.usageMessage().footer()).stream().filter(s -> !s.isBlank()).toList();
        if (!footer.isEmpty()) {
            out.add(".SH NOTES");
            paragraphs(out, footer, false);
        }
        out.add(".SH SEE ALSO");
        out.add(seeAlso(spec));
        return String.join("\n", out) + "\n";
    }

    /** {@code nodefix} for the root, {@code nodefix-run} for {@code nodefix run}. */
    private static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    /** The command's one-line summary, as the top-level help lists it: its header, else its first paragraph. */
    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        return header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
    }

    /** NAME lines carry no full stop. */
    private static String withoutFullStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String synopsis(CommandSpec spec) {
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        return help.synopsis(0).stripTrailing();
    }

    private static List<String> descriptionOf(ArgSpec arg) {
        return List.of(arg.description());
    }

    private static String optionTerm(OptionSpec o) {
        List<String> names = new ArrayList<>();
        for (String n : o.names()) {
            names.add("\\fB" + escape(n) + "\\fR");
        }
        String term = String.join(", ", names);
        if (o.arity().max() > 0) {
            String label = "\\fI" + escape(o.paramLabel()) + "\\fR";
            term += o.arity().min() == 0 ? "[=" + label + "]" : "=" + label;
        }
        return term;
    }

    /**
     * Each element a filled paragraph; indented elements (examples, and the lines a {@code \} continues) are set
     * as lines, indented, unfilled.
     *
     * @param item whether the paragraphs describe a list item (after {@code .TP}): they keep its indentation
     */
    private static void paragraphs(List<String> out, List<String> elements, boolean item) {
        boolean literal = false;
        boolean first = true;
        for (String raw : elements) {
            for (String text : raw.replace("%n", "\n").replace("%%", "%").split("\n", -1)) {
                if (text.isBlank()) {
                    continue;
                }
                boolean indented = text.startsWith(" ");
                if (indented && !literal) {
                    out.add(item ? ".IP" : ".PP");
                    out.add(".RS 4");
                    out.add(".nf");
                    literal = true;
                } else if (!indented && literal) {
                    out.add(".fi");
                    out.add(".RE");
                    literal = false;
                }
                if (!indented && !(item && first)) {
                    out.add(item ? ".IP" : ".PP");
                }
                out.add(escape(indented ? text.replaceFirst("^  ", "") : text));
                first = false;
            }
        }
        if (literal) {
            out.add(".fi");
            out.add(".RE");
        }
    }

    private static String seeAlso(CommandSpec spec) {
        if (spec.parent() == null) {
            List<String> pages = new ArrayList<>();
            for (CommandLine sub : spec.subcommands().values()) {
                if (sub.getCommandSpec().helpCommand()) {
                    continue;
                }
                pages.add("\\fB" + escape(pageName(sub.getCommandSpec())) + "\\fR(1)");
            }
            return String.join(", ", pages);
        }
        return "\\fB" + escape(pageName(spec.root())) + "\\fR(1)";
    }

    /** Text safe in a roff line: backslashes and hyphens escaped, no line starting with a control character. */
    static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
    }
}
