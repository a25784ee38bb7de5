package dev.nodefix.fact;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chain of an {@code nft list} output: its name, its base-chain line when it is hooked ({@code type nat hook
 * postrouting priority srcnat; policy accept;}), and its rules as printed, counters and handles left out.
 */
public record NftChain(String name, Optional<String> base, List<String> rules) {
    private static final Pattern PRIORITY = Pattern.compile(".*\\bpriority\\s+([a-z]+|-?\\d+)(?:\\s*([+-])\\s*(\\d+))?.*");
    private static final Map<String, Integer> NAMED = Map.of("raw", -300, "mangle", -150,
            "dstnat", -100, "filter", 0, "security", 50, "srcnat", 100);

    public NftChain {
        rules = List.copyOf(rules);
    }

    /** A base chain hooked at the nat postrouting hook, where masquerading happens. */
    public boolean natPostrouting() {
        return base.filter(b -> b.matches(".*\\btype nat hook postrouting\\b.*")).isPresent();
    }

    /**
     * The base chain's priority as a number ({@code srcnat} is 100, {@code srcnat - 10} is 90), empty for a
     * regular chain or a priority nodefix cannot read. Chains of one hook run in the order of their priority.
     */
    public Optional<Integer> priority() {
        Matcher m = PRIORITY.matcher(base.orElse(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        Integer start = m.group(1).matches("-?\\d+") ? Integer.valueOf(m.group(1)) : NAMED.get(m.group(1));
        if (start == null) {
            return Optional.empty();
        }
        int offset = m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * ("-".equals(m.group(2)) ? -1 : 1);
        return Optional.of(start + offset);
    }
}
