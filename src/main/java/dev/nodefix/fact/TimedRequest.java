package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code time curl|wget|nc ...} as pasted: the command line, then its output with the shell's timing in any of
 * the usual formats: bash {@code real 1m3.091s}, busybox {@code real 1m 3.09s} (glued to a body with no trailing
 * newline too), POSIX {@code real 63.09}, zsh {@code ... 63.09s total} or {@code ... 1:03.09 total}.
 *
 * @param command the command line as pasted
 * @param target  where it went, when the command names it
 * @param seconds the elapsed (wall clock) time, when shown
 * @param outcome whether the output shows the request failing (a tool's connect error) or succeeding (any other
 *                output: an HTTP status, a body, nc's "succeeded"; a header such as {@code Keep-Alive: timeout=5} is
 *                no error)
 * @param lines   the command and timing lines, to quote
 */
public record TimedRequest(String command, Optional<RequestTarget> target, Optional<Double> seconds, Outcome outcome,
        List<String> lines) {
    /** What the output shows of the request. */
    public enum Outcome { SUCCEEDED, FAILED, NOT_SHOWN }

    static final Pattern COMMAND = Pattern.compile(
            "(?:^|.*?[\\s#$%>])time\\s+(?:\\S*/)?(curl|wget|nc|ncat)\\s+(.*)");
    private static final Pattern REAL = Pattern.compile("(?:^|.*?\\W)real\\s+(?:(\\d+)m\\s*)?(\\d+(?:[.,]\\d+)?)s?\\s*");
    private static final Pattern ZSH = Pattern.compile(".*\\scpu\\s+(?:(\\d+):)?(\\d+(?:\\.\\d+)?)s?\\s+total\\s*");
    private static final Pattern TIMES = Pattern.compile("\\s*(?:user|sys)\\s+\\S+\\s*(?:\\S+s)?\\s*");
    private static final Pattern FAILED = Pattern.compile("(?i).*(?:curl: \\(\\d+\\)|connection refused|timed out"
            + "|no route to host|network is unreachable|could not resolve|name or service not known|bad address"
            + "|connection reset|unable to connect|can't connect|failed to connect|connect failed).*");
    /** Each tool's options whose value is the next word: it is not the target. */
    private static final Map<String, Set<String>> VALUED = Map.of(
            "curl", Set.of("-o", "-H", "-X", "-d", "-m", "-w", "-u", "-A", "-e", "-T", "-x", "-U", "--connect-timeout",
                    "--max-time", "--header", "--output", "--data", "--user", "--request", "--resolve", "--interface",
                    "--proxy"),
            "wget", Set.of("-O", "-T", "-t", "-U", "-o", "--timeout", "--header", "--output-document"),
            "nc", Set.of("-w", "-s", "-p", "-i", "-q", "-W"),
            "ncat", Set.of("-w", "-s", "-p", "-i", "--wait", "--source-port"));

    public TimedRequest {
        lines = List.copyOf(lines);
    }

    /** The requests in the section's lines, each from its command line up to the next. */
    static List<TimedRequest> parse(List<String> lines) {
        List<TimedRequest> found = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean next = i == lines.size() || COMMAND.matcher(lines.get(i)).matches();
            if (next && start >= 0) {
                found.add(of(lines.subList(start, i)));
            }
            start = next ? i : start;
        }
        return found;
    }

    private static TimedRequest of(List<String> block) {
        Matcher c = COMMAND.matcher(block.get(0));
        c.matches();
        List<String> quoted = new ArrayList<>(List.of(block.get(0).strip()));
        Optional<Double> seconds = Optional.empty();
        boolean failed = false;
        boolean output = false;
        for (String line : block.subList(1, block.size())) {
            Optional<Double> timing = timing(line);
            if (timing.isPresent() && seconds.isEmpty()) {
                seconds = timing;
                quoted.add(line.strip());
            }
            String body = ZSH.matcher(line).matches() ? "" : line.replaceFirst("real\\s+\\S+(?:\\s+\\S+s)?\\s*$", "");
            failed |= FAILED.matcher(body).matches();
            output |= !body.isBlank() && !TIMES.matcher(line).matches();
        }
        Outcome outcome = failed ? Outcome.FAILED : output ? Outcome.SUCCEEDED : Outcome.NOT_SHOWN;
        return new TimedRequest(block.get(0).strip(), target(c.group(1), c.group(2)), seconds, outcome, quoted);
    }

    private static Optional<Double> timing(String line) {
        Matcher real = REAL.matcher(line);
        Matcher zsh = ZSH.matcher(line);
        Matcher m = real.matches() ? real : zsh.matches() ? zsh : null;
        if (m == null) {
            return Optional.empty();
        }
        double minutes = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        return Optional.of(minutes * 60 + Double.parseDouble(m.group(2).replace(',', '.')));
    }

    /** The first word that is no option nor an option's value; for {@code nc}, the port is the word after it. */
    private static Optional<RequestTarget> target(String tool, String args) {
        List<String> words = List.of(args.replaceFirst("\\s*(?:[|>;&].*)?$", "").strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("-")) {
                i += VALUED.get(tool).contains(w) ? 1 : 0;
                continue;
            }
            boolean ncPort = tool.startsWith("nc") && i + 1 < words.size() && words.get(i + 1).matches("\\d{1,5}");
            Optional<Integer> port = ncPort ? Optional.of(Integer.parseInt(words.get(i + 1))) : Optional.empty();
            return RequestTarget.parse(w, port);
        }
        return Optional.empty();
    }
}
