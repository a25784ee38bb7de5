package dev.nodefix.cli;

import dev.nodefix.report.Style;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --json}, {@code --no-color} (and NO_COLOR, TERM=dumb), {@code -v}/{@code -vv}. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print one JSON document instead of text (its keys and schema: docs/json.md).")
    boolean json;

    @Option(names = "--no-color", description = "No ANSI colours (also when NO_COLOR is set and not empty, TERM is dumb, or output is not a"
            + " terminal).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, description = "More detail: -v shows nodefix's own steps on stderr, -vv adds the SSH layer's log.")
    boolean[] verbose = new boolean[0];

    public boolean json() {
        return json;
    }

    public int verbosity() {
        return verbose.length;
    }

    public Style style(Map<String, String> env, boolean interactive) {
        return Style.choose(noColor, env, interactive);
    }
}
