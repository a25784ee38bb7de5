package dev.nodefix.cli;

import dev.nodefix.report.Style;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --json}, {@code --no-color} (and NO_COLOR), {@code -v}. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Option(names = "--no-color", description = "No ANSI colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "More detail; -vv for debug logs of the SSH layer.")
    boolean[] verbose = new boolean[0];

    public boolean json() {
        return json;
    }

    public int verbosity() {
        return verbose.length;
    }

    public Style style(Map<String, String> env, boolean interactive) {
        boolean color = interactive && !noColor && !env.containsKey("NO_COLOR");
        return color ? Style.COLOR : Style.PLAIN;
    }
}
