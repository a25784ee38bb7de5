package dev.nodefix.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The match and target text at the end of an {@code iptables -L} rule line, as {@code iptables -S} options:
 * {@code /* c *}{@code /} is {@code -m comment --comment "c"}, {@code mark match [!] V/M} is
 * {@code -m mark [!] --mark V/M}, {@code MARK set|and|or|xor|xset} is the {@code --set-xmark V/M} iptables saves
 * for it, {@code random-fully}, {@code random} and {@code masq ports:} are MASQUERADE's options. Text it does not
 * know is kept as written, among the matches.
 */
record ListExtras(List<String> matches, List<String> targetOptions) {
    private static final Pattern COMMENT = Pattern.compile("/\\*\\s?(.*?)\\s?\\*/");
    private static final Pattern MARK_MATCH = Pattern.compile("mark match\\s+(!)?\\s*(0x\\p{XDigit}+(?:/0x\\p{XDigit}+)?)");
    private static final Pattern MARK_TARGET = Pattern.compile("MARK\\s+(set|and|or|xor|xset)\\s+(0x\\p{XDigit}+)(?:/(0x\\p{XDigit}+))?");
    private static final Pattern MASQ = Pattern.compile("random-fully|random|masq ports:\\s*(\\S+)|to:(\\S+)");
    private static final Pattern MATCH_SET = Pattern.compile("(!\\s?)?match-set\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern WORD = Pattern.compile("\\S+");

    ListExtras {
        matches = List.copyOf(matches);
        targetOptions = List.copyOf(targetOptions);
    }

    static ListExtras of(String text, String target) {
        List<String> matches = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            rest = step(rest, target, matches, options).strip();
        }
        return new ListExtras(matches, options);
    }

    /** Reads one known piece (or one unknown word) from the front of {@code rest}; returns what is left. */
    private static String step(String rest, String target, List<String> matches, List<String> options) {
        Matcher m;
        if ((m = COMMENT.matcher(rest)).lookingAt()) {
            matches.add("-m comment --comment \"" + m.group(1) + "\"");
        } else if ((m = MARK_MATCH.matcher(rest)).lookingAt()) {
            matches.add("-m mark " + (m.group(1) != null ? "! " : "") + "--mark " + m.group(2));
        } else if ((m = MATCH_SET.matcher(rest)).lookingAt()) {
            matches.add("-m set " + (m.group(1) != null ? "! " : "") + "--match-set " + m.group(2) + " " + m.group(3));
        } else if ((m = MARK_TARGET.matcher(rest)).lookingAt() && target.equals("MARK")) {
            options.add("--set-xmark " + xmark(m.group(1), m.group(2), m.group(3)));
        } else if ((m = MASQ.matcher(rest)).lookingAt() && (target.equals("MASQUERADE") || target.endsWith("NAT"))) {
            options.add(masquerade(m, target));
        } else {
            m = WORD.matcher(rest);
            m.lookingAt();
            matches.add(m.group());
        }
        return rest.substring(m.end());
    }

    private static String masquerade(Matcher m, String target) {
        if (m.group(1) != null) {
            return "--to-ports " + m.group(1);
        }
        if (m.group(2) != null) {
            return (target.equals("DNAT") ? "--to-destination " : "--to-source ") + m.group(2);
        }
        return "--" + m.group();
    }

    /** The value/mask iptables saves for a MARK target printed as {@code MARK op value}. */
    private static String xmark(String op, String value, String mask) {
        long v = Long.decode(value);
        return switch (op) {
            case "set" -> hex(v) + "/0xffffffff";
            case "and" -> "0x0/" + hex(~v & 0xffffffffL);
            case "or" -> hex(v) + "/" + hex(v);
            case "xor" -> hex(v) + "/0x0";
            default -> hex(v) + "/" + (mask == null ? "0xffffffff" : hex(Long.decode(mask)));
        };
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
