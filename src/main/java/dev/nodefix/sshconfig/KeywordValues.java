package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Parses the values of the keywords nodefix uses, with ssh 9.2's rules and error texts. */
final class KeywordValues {
    private KeywordValues() {}

    /** a2port: 1..65535; ssh also takes a service name, nodefix refuses one by name. */
    static int port(String s, Location at) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            String digits = s.replaceFirst("^0+(?=.)", "");
            if (digits.length() <= 5 && Integer.parseInt(digits) >= 1 && Integer.parseInt(digits) <= 65535) {
                return Integer.parseInt(digits);
            }
            throw new SshConfigException(at, "Bad port '" + s + "'.");
        }
        if (s.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new SshConfigException(at, "Port " + s + ": service names are not supported by nodefix; give a number");
        }
        throw new SshConfigException(at, "Bad port '" + s + "'.");
    }

    /** yes/true or no/false. */
    static boolean flag(String keyword, String s, Location at) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new SshConfigException(at, "unsupported option \"" + s + "\" for " + keyword);
        };
    }

    static StrictHostKeyChecking strict(String s, Location at) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> StrictHostKeyChecking.YES;
            case "no", "false", "off" -> StrictHostKeyChecking.NO;
            case "ask" -> StrictHostKeyChecking.ASK;
            case "accept-new" -> StrictHostKeyChecking.ACCEPT_NEW;
            default -> throw new SshConfigException(at, "unsupported option \"" + s + "\" for stricthostkeychecking");
        };
    }

    /** convtime: digits with an optional s/m/h/d/w unit, repeated ("1h30m"). */
    static Duration time(String s, Location at) {
        if (!s.matches("([0-9]+[sSmMhHdDwW]?)+")) {
            throw new SshConfigException(at, "invalid time value '" + s + "'");
        }
        long total = 0;
        var m = java.util.regex.Pattern.compile("([0-9]+)([sSmMhHdDwW]?)").matcher(s);
        while (m.find()) {
            long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86400;
                case "w" -> 604800;
                default -> 1;
            };
            total += Long.parseLong(m.group(1).length() > 10 ? "99999999999" : m.group(1)) * unit;
            if (total > Integer.MAX_VALUE) {
                throw new SshConfigException(at, "invalid time value '" + s + "'");
            }
        }
        return Duration.ofSeconds(total);
    }

    /** parse_jump: comma-separated hops, each {@code [ssh://][user@]host[:port]}; "none" alone. */
    static ProxyJump jump(String arg, Location at) {
        String text = LineSplitter.stripTrailing(arg.indexOf('#') >= 0 ? arg.substring(0, arg.indexOf('#')) : arg);
        if (arg.equalsIgnoreCase("none")) {
            return new ProxyJump(List.of(), "none");
        }
        List<JumpHop> hops = new ArrayList<>();
        for (String hop : text.split(",", -1)) {
            hops.add(hop(hop).orElseThrow(() -> new SshConfigException(at, "Invalid ProxyJump \"" + arg + "\"")));
        }
        return new ProxyJump(hops, text);
    }

    private static Optional<JumpHop> hop(String spec) {
        String s = spec.startsWith("ssh://") ? spec.substring("ssh://".length()) : spec;
        if (spec.startsWith("ssh://") && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int atSign = s.lastIndexOf('@');
        Optional<String> user = atSign >= 0 ? Optional.of(s.substring(0, atSign)) : Optional.empty();
        String hostPort = s.substring(atSign + 1);
        String host = hostPort;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0 || (close + 1 < hostPort.length() && hostPort.charAt(close + 1) != ':')) {
                return Optional.empty();
            }
            host = hostPort.substring(1, close);
            port = close + 1 < hostPort.length() ? hostPort.substring(close + 2) : "";
        } else if (hostPort.indexOf(':') >= 0) {
            host = hostPort.substring(0, hostPort.indexOf(':'));
            port = hostPort.substring(hostPort.indexOf(':') + 1);
        }
        if (host.isEmpty() || (user.isPresent() && user.get().isEmpty())) {
            return Optional.empty();
        }
        if (port.isEmpty()) {
            return Optional.of(new JumpHop(user, host, OptionalInt.empty()));
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            return Optional.empty();
        }
        return Optional.of(new JumpHop(user, host, OptionalInt.of(Integer.parseInt(port))));
    }
}
