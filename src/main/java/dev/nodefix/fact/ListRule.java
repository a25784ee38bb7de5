package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule line of {@code iptables -L}, turned into the statement {@code iptables -S} prints for it (without
 * {@code -A CHAIN}): {@code [num] [pkts bytes] [target] prot opt [in out] source destination [matches and target
 * text]}. Columns come from the column header when there is one, else from the line (one leading number is a
 * line number, two are counters, three both; counters may end in K, M, G or T). Resolved names are read back
 * ({@code anywhere}, {@code base-address.mcast.net}); other host names are kept as written.
 */
final class ListRule {
    /** The optional columns a listing's header announces. */
    record Columns(boolean lineNumbers, boolean counters) {}

    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern NUMBER = Pattern.compile("\\d+[KMGTP]?");
    private static final Pattern OPT = Pattern.compile("--|-f|!f|!-");
    private static final Pattern PROT = Pattern.compile("!?[a-z][a-z0-9-]*|!?\\d{1,3}");
    private static final Pattern TARGET = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]*");
    private static final Map<String, String> NAMES = Map.of("anywhere", "0.0.0.0/0", "base-address.mcast.net",
            "224.0.0.0", "localhost", "127.0.0.1", "loopback", "127.0.0.0", "link-local", "169.254.0.0");
    private static final Map<String, String> PROTOCOLS = Map.of("6", "tcp", "17", "udp", "1", "icmp", "132", "sctp");

    private ListRule() {}

    static Optional<String> parse(String line, Columns columns) {
        List<String> words = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher w = TOKEN.matcher(line);
        while (w.find()) {
            words.add(w.group());
            ends.add(w.end());
        }
        int opt = optIndex(words);
        if (opt < 0) {
            return Optional.empty();
        }
        List<String> lead = words.subList(0, opt - 1);
        Optional<String> target = lead.isEmpty() || NUMBER.matcher(lead.get(lead.size() - 1)).matches()
                ? Optional.empty() : Optional.of(lead.get(lead.size() - 1));
        int numbers = lead.size() - (target.isPresent() ? 1 : 0);
        if (!lead.subList(0, numbers).stream().allMatch(n -> NUMBER.matcher(n).matches()) || numbers > 3
                || target.isPresent() && !TARGET.matcher(target.get()).matches()) {
            return Optional.empty();
        }
        boolean counters = columns != null ? columns.counters() : numbers >= 2;
        int src = opt + (counters ? 3 : 1);
        if (words.size() < src + 2) {
            return Optional.empty();
        }
        String rest = line.substring(ends.get(src + 1)).strip();
        List<String> interfaces = counters ? words.subList(opt + 1, opt + 3) : List.of();
        return Optional.of(statement(words.get(opt - 1), interfaces, words.get(src), words.get(src + 1), target,
                rest));
    }

    /** The index of the opt column: after a protocol, and at least one token in. */
    private static int optIndex(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            if (OPT.matcher(words.get(i)).matches() && PROT.matcher(words.get(i - 1)).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static String statement(String prot, List<String> interfaces, String source, String destination,
                                     Optional<String> target, String rest) {
        List<String> parts = new ArrayList<>();
        address("-s", source, parts);
        address("-d", destination, parts);
        if (!interfaces.isEmpty()) {
            device("-i", interfaces.get(0), parts);
            device("-o", interfaces.get(1), parts);
        }
        protocol(prot, parts);
        ListExtras extras = ListExtras.of(rest, target.orElse(""));
        parts.addAll(extras.matches());
        target.ifPresent(t -> parts.add("-j " + t));
        parts.addAll(extras.targetOptions());
        return String.join(" ", parts);
    }

    private static void address(String flag, String shown, List<String> parts) {
        boolean not = shown.startsWith("!");
        String bare = not ? shown.substring(1) : shown;
        String[] hostMask = bare.split("/", 2);
        String host = NAMES.getOrDefault(hostMask[0], hostMask[0]);
        String mask = hostMask.length > 1 ? "/" + hostMask[1] : host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") ? "/32" : "";
        String address = host + mask;
        if (!address.equals("0.0.0.0/0") && !address.equals("::/0")) {
            parts.add((not ? "! " : "") + flag + " " + address);
        }
    }

    private static void device(String flag, String shown, List<String> parts) {
        boolean not = shown.startsWith("!");
        String name = not ? shown.substring(1) : shown;
        if (!name.equals("*") && !name.equals("any")) {
            parts.add((not ? "! " : "") + flag + " " + name);
        }
    }

    private static void protocol(String shown, List<String> parts) {
        boolean not = shown.startsWith("!");
        String name = not ? shown.substring(1) : shown;
        name = PROTOCOLS.getOrDefault(name, name);
        if (!name.equals("all") && !name.equals("0")) {
            parts.add((not ? "! " : "") + "-p " + name);
        }
    }
}
