package dev.nodefix.query;

import dev.nodefix.fact.CollectorOutput;
import dev.nodefix.fact.Section;
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

    /**
     * The command for a read ahead ({@link #parseAhead}): {@link #command} of the queries less those the fact
     * collector among them answers ({@link Query#collectorSection}), whose commands it runs anyway.
     */
    public static Command commandAhead(List<? extends Query> queries) {
        return command(run(queries));
    }

    /**
     * {@link #parseEach} of a {@link #commandAhead} read, plus the queries answered from the collector's output:
     * each takes its value from its section when the section ran (its output and exit code, as if the query's own
     * command printed them). A section the collector did not run (its tool missing), or did not reach, answers
     * nothing: that query is left out, as one that never ran, and read when a task needs it.
     */
    public static Map<Query, Object> parseAhead(List<? extends Query> queries, CommandResult result) {
        List<Query> run = run(queries);
        Map<Query, String> bodies = new LinkedHashMap<>();
        Map<Query, Object> ran = parse(run, result, false, bodies);
        Map<Query, Object> values = new LinkedHashMap<>();
        for (Query q : queries) {
            if (ran.containsKey(q)) {
                values.put(q, ran.get(q));
            } else if (!run.contains(q)) {
                answer(q, bodies).ifPresent(v -> values.put(q, v));
            }
        }
        return values;
    }

    /** The queries whose commands run: all but those a collector among them answers. */
    private static List<Query> run(List<? extends Query> queries) {
        boolean collector = queries.stream().anyMatch(FactsQuery.class::isInstance);
        return queries.stream().filter(q -> !collector || q.collectorSection().isEmpty()).map(Query.class::cast)
                .toList();
    }

    private static java.util.Optional<Object> answer(Query q, Map<Query, String> bodies) {
        String section = q.collectorSection().orElseThrow();
        return bodies.entrySet().stream().filter(e -> e.getKey() instanceof FactsQuery)
                .map(e -> CollectorOutput.split(e.getValue()).section(section))
                .filter(s -> s.status() == Section.Status.RAN).findFirst()
                .map(s -> answerFrom(q, s));
    }

    private static Object answerFrom(Query q, Section s) {
        try {
            return q.parse(s.lines().isEmpty() ? "" : String.join("\n", s.lines()) + "\n", s.exitCode().orElseThrow());
        } catch (StateException e) {
            return new FailedRead(e.getMessage());
        }
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
        return parse(queries, result, strict, new LinkedHashMap<>());
    }

    /** As above, keeping the output of each query read whole in {@code bodies}. */
    private static Map<Query, Object> parse(List<? extends Query> queries, CommandResult result, boolean strict,
                                            Map<Query, String> bodies) {
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
            bodies.put(queries.get(i), body);
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
