package dev.nodefix.inventory;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code parse_address}: a host identifier (hostname, IPv4 or IPv6 address, each possibly
 * with {@code [x:y]} ranges) with an optional port ({@code host:22}, {@code [2001:db8::1]:22}).
 *
 * @param host the identifier without the port
 * @param port the port, if one was given
 */
record HostAddress(String host, OptionalInt port) {
    private static final String NUMERIC_RANGE = "\\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String HEX_RANGE = "\\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\\]";
    private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
    private static final String IPV6_PART = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";
    private static final String IPV4_PART = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
    private static final String LABEL = "(?:[\\w]|" + ALNUM_RANGE + ")(?:[\\w_-]|" + ALNUM_RANGE + ")*(?<![_-])";
    private static final String V4_IN_V6 = "(?:" + IPV6_PART + "\\.){3}" + IPV6_PART;

    private static final Pattern BRACKETED_HOSTPORT = Pattern.compile("\\[(.+)\\]:([0-9]+)");
    private static final Pattern HOSTPORT = Pattern.compile("((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)");
    private static final Pattern IPV4 = Pattern.compile("(?:" + IPV4_PART + "\\.){3}" + IPV4_PART,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6 = Pattern.compile(ipv6(IPV6_PART), Pattern.CASE_INSENSITIVE);
    private static final Pattern HOSTNAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private static String ipv6(String c) {
        return String.join("|",
                "(?:" + c + ":){7}" + c,
                "(?:" + c + ":){1,6}:",
                "(?:" + c + ":)(?::" + c + "){1,6}",
                "(?:" + c + ":){2}(?::" + c + "){1,5}",
                "(?:" + c + ":){3}(?::" + c + "){1,4}",
                "(?:" + c + ":){4}(?::" + c + "){1,3}",
                "(?:" + c + ":){5}(?::" + c + "){1,2}",
                "(?:" + c + ":){6}(?::" + c + ")",
                ":(?::" + c + "){1,6}",
                c + "?::",
                "(?:0:){6}" + V4_IN_V6,
                "::(?:ffff:)?" + V4_IN_V6,
                "(?:0:){5}ffff:" + V4_IN_V6);
    }

    /** The address, or empty when Ansible would not recognise it as a host identifier. */
    static Optional<HostAddress> parse(String text) {
        String address = text;
        OptionalInt port = OptionalInt.empty();
        for (Pattern p : new Pattern[] {BRACKETED_HOSTPORT, HOSTPORT}) {
            Matcher m = p.matcher(address);
            if (m.matches()) {
                try {
                    port = OptionalInt.of(Integer.parseInt(m.group(2)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                address = m.group(1);
            }
        }
        if (IPV4.matcher(address).matches() || IPV6.matcher(address).matches()
                || HOSTNAME.matcher(address).matches()) {
            return Optional.of(new HostAddress(address, port));
        }
        return Optional.empty();
    }

    static boolean isIpAddress(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }
}
