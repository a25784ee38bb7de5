package dev.nodefix.query;

import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads many {@link Query}s in one round trip: one sh script with each query in its own subshell, framed by
 * markers so one query's output or failure never bleeds into another's.
 */
public final class StateReader {
    private static final Pattern END = Pattern.compile("\n@@nodefix-rc (\\d+) (\\d+)\n");

    private StateReader() {}

    /** A quick read's allowance on top of the queries' own budgets (waits, connects), for the whole script. */
    public static final java.time.Duration BASE_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** The command that prints every query's framed output; its timeout covers every query's budget. */
    public static Command command(List<? extends Query> queries) {
        StringBuilder script = new StringBuilder("LC_ALL=C; export LC_ALL\n");
        for (int i = 0; i < queries.size(); i++) {
            script.append("echo '@@nodefix-q ").append(i).append("'\n(").append(queries.get(i).script())
                    .append(")\nprintf '\\n@@nodefix-rc ").append(i).append(" %s\\n' $?\n");
        }
        java.time.Duration budget = queries.stream().map(Query::budget).reduce(java.time.Duration.ZERO,
                java.time.Duration::plus);
        Command command = Command.of("/bin/sh", "-c", script.toString());
        return budget.isZero() ? command : command.withTimeout(BASE_TIMEOUT.plus(budget));
    }

    /** Each query's parsed value, in query order; the first query that cannot be read fails the whole read. */
    public static Map<Query, Object> parse(List<? extends Query> queries, CommandResult result) {
        return parse(queries, result, true);
    }

    /**
     * Each query's parsed value, in query order, where a query that cannot be read (its output not understood,
     * or the script cut short in it) is a {@link FailedRead} and the others keep their values: for reads made
     * ahead of need, whose failure belongs to the task that reads the query, if any does. When the script was
     * cut short, only the query it stopped at failed: those after it never ran and are left out (not read).
     */
    public static Map<Query, Object> parseEach(List<? extends Query> queries, CommandResult result) {
        return parse(queries, result, false);
    }

    private static Map<Query, Object> parse(List<? extends Query> queries, CommandResult result, boolean strict) {
        String out = result.stdout();
        Map<Query, Object> values = new LinkedHashMap<>();
        int from = 0;
        for (int i = 0; i < queries.size(); i++) {
            String start = "@@nodefix-q " + i + "\n";
            int begin = out.indexOf(start, from);
            Matcher end = END.matcher(out);
            if (begin < 0 || !end.find(begin + start.length()) || Integer.parseInt(end.group(1)) != i) {
                StateException cut = new StateException("state read cut short at query " + i + " (" + queries.get(i)
                        + "); exit " + result.exitCode() + ": " + result.stderr().strip());
                if (strict) {
                    throw cut;
                }
                values.put(queries.get(i), new FailedRead(cut.getMessage()));
                return values; // the queries after it never ran: left out, to be read when needed
            }
            String body = out.substring(begin + start.length(), end.start());
            try {
                values.put(queries.get(i), queries.get(i).parse(body, Integer.parseInt(end.group(2))));
            } catch (StateException e) {
                if (strict) {
                    throw e;
                }
                values.put(queries.get(i), new FailedRead(e.getMessage()));
            }
            from = end.end();
        }
        return values;
    }
}
