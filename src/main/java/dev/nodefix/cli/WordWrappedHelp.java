package dev.nodefix.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's help with every wrapped section (synopsis, description, header, footer, options, arguments, commands) laid out in a
 * {@link WordTable}, so no line breaks inside a word such as {@code ansible.cfg}. The columns, indents and texts are
 * picocli's own; {@link Cli} installs it as the help factory of the whole command tree.
 */
final class WordWrappedHelp extends Help {
    /** picocli's bound on the synopsis indent, as a share of the width (private in picocli). */
    private static final double MAX_AUTO_INDENT = 0.9;

    WordWrappedHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    @Override
    public String description(Object... params) {
        return paragraphs(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String header(Object... params) {
        return paragraphs(commandSpec().usageMessage().header(), params);
    }

    @Override
    public String footer(Object... params) {
        return paragraphs(commandSpec().usageMessage().footer(), params);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
            ColorScheme scheme) {
        int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
        WordTable table = new WordTable(scheme, TextTable.forDefaultColumns(scheme, longOptions, width()).columns());
        table.setAdjustLineBreaksForWideCJKCharacters(cjk());
        return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
    }

    /** As picocli's: the command name after the heading, then its options and arguments, wrapped at spaces. */
    @Override
    protected String insertSynopsisCommandName(int headingLength, Ansi.Text details) {
        String name = commandSpec().qualifiedName();
        UsageMessageSpec usage = commandSpec().usageMessage();
        int indent = headingLength + name.length() + 1;
        if (indent > usage.synopsisAutoIndentThreshold() * width()) {
            indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
            indent = Math.min(indent, (int) (MAX_AUTO_INDENT * width()));
        }
        WordTable table = WordTable.ofWidths(colorScheme(), width());
        table.setAdjustLineBreaksForWideCJKCharacters(cjk());
        table.indentWrappedLines = indent;
        Ansi.Text padding = Ansi.OFF.new Text("X".repeat(headingLength), colorScheme());
        table.addRowValues(padding.concat(colorScheme().commandText(name)).concat(details));
        return table.toString().substring(headingLength);
    }

    /** As picocli's: each command's names, then the first line of its header or else its description. */
    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int names = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width() / 2);
        WordTable table = new WordTable(colorScheme(), new Column(names + 2, 2, Column.Overflow.SPAN),
                new Column(width() - (names + 2), 2, Column.Overflow.WRAP));
        table.setAdjustLineBreaksForWideCJKCharacters(cjk());
        subcommands.values().forEach(help -> {
            UsageMessageSpec usage = help.commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            Ansi.Text[] lines = colorScheme().text(format(summary.length > 0 ? summary[0] : "")).splitLines();
            for (int i = 0; i < lines.length; i++) {
                table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().ansi().new Text(0, colorScheme()), lines[i]);
            }
        });
        return table.toString();
    }

    /** As picocli's {@code Help.join}: one row per paragraph, wrapped lines not indented. */
    private String paragraphs(String[] values, Object... params) {
        if (values == null) {
            return "";
        }
        WordTable table = WordTable.ofWidths(colorScheme(), width());
        table.setAdjustLineBreaksForWideCJKCharacters(cjk());
        table.indentWrappedLines = 0;
        for (String value : values) {
            table.addRowValues(format(value, params));
        }
        return table.toString();
    }

    /** As picocli formats a help text: {@code String.format}, or the text as it is when it is not a valid format. */
    private static String format(String text, Object... params) {
        try {
            return text == null ? "" : String.format(text, params);
        } catch (java.util.IllegalFormatException e) {
            return text;
        }
    }

    private int width() {
        return commandSpec().usageMessage().width();
    }

    private boolean cjk() {
        return commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters();
    }

    /** The factory {@link CommandLine#setHelpFactory} takes. */
    static CommandLine.IHelpFactory factory() {
        return WordWrappedHelp::new;
    }
}
