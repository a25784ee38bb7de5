package dev.nodefix.state;

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

    /** The command that prints every query's framed output. Empty queries give a no-op script. */
    public static Command command(List<? extends Query> queries) {
        StringBuilder script = new StringBuilder("LC_ALL=C; export LC_ALL\n");
        for (int i = 0; i < queries.size(); i++) {
            script.append("echo '@@nodefix-q ").append(i).append("'\n(").append(queries.get(i).script())
                    .append(")\nprintf '\\n@@nodefix-rc ").append(i).append(" %s\\n' $?\n");
        }
        return Command.of("/bin/sh", "-c", script.toString());
    }

    /** Each query's parsed value, in query order. */
    public static Map<Query, Object> parse(List<? extends Query> queries, CommandResult result) {
        String out = result.stdout();
        Map<Query, Object> values = new LinkedHashMap<>();
        int from = 0;
        for (int i = 0; i < queries.size(); i++) {
            String start = "@@nodefix-q " + i + "\n";
            int begin = out.indexOf(start, from);
            Matcher end = END.matcher(out);
            if (begin < 0 || !end.find(begin + start.length()) || Integer.parseInt(end.group(1)) != i) {
                throw new StateException("state read cut short at query " + i + " (" + queries.get(i)
                        + "); exit " + result.exitCode() + ": " + result.stderr().strip());
            }
            String body = out.substring(begin + start.length(), end.start());
            values.put(queries.get(i), queries.get(i).parse(body, Integer.parseInt(end.group(2))));
            from = end.end();
        }
        return values;
    }
}
