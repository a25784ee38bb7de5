package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw values one host's pass over the config has taken so far, with the line of each: the first
 * obtained value wins, IdentityFile and CertificateFile accumulate (an exact repeat is dropped, as ssh does).
 * Every line's value is checked even where its block does not apply, as ssh checks it.
 */
final class TakenValues {
    Optional<Sourced<String>> ignoreUnknown = Optional.empty();
    Optional<Sourced<String>> hostName = Optional.empty();
    Optional<Sourced<String>> user = Optional.empty();
    Optional<Sourced<Integer>> port = Optional.empty();
    final List<Sourced<String>> identityFiles = new ArrayList<>();
    Optional<Sourced<Boolean>> identitiesOnly = Optional.empty();
    Optional<Sourced<String>> identityAgent = Optional.empty();
    Optional<Sourced<ProxyJump>> proxyJump = Optional.empty();
    Optional<Sourced<String>> proxyCommand = Optional.empty();
    Optional<Sourced<List<String>>> userKnownHostsFiles = Optional.empty();
    Optional<Sourced<List<String>>> globalKnownHostsFiles = Optional.empty();
    Optional<Sourced<StrictHostKeyChecking>> strictHostKeyChecking = Optional.empty();
    Optional<Sourced<Duration>> connectTimeout = Optional.empty();
    final List<Sourced<String>> certificateFiles = new ArrayList<>();
    Optional<Sourced<Duration>> serverAliveInterval = Optional.empty();
    Optional<Sourced<String>> hostKeyAlias = Optional.empty();
    /** Set for ssh's final pass: HostName lines no longer count. */
    boolean hostNameFixed;
    private final Map<String, String> env;

    TakenValues(Map<String, String> env) {
        this.env = env;
    }

    /** Takes (or only checks, when {@code active} is false) one line of a keyword nodefix uses. */
    void take(ConfigLine line, boolean active) {
        Location at = line.at();
        switch (line.keyword()) {
            case "ignoreunknown" -> ignoreUnknown = first(ignoreUnknown, line.single(), at, active);
            case "hostname" -> hostName = first(hostName, line.single(), at, active && !hostNameFixed);
            case "user" -> user = first(user, line.single(), at, active);
            case "port" -> port = first(port, KeywordValues.port(line.single(), at), at, active);
            case "identityfile" -> add(identityFiles, line.single(), at, active);
            case "certificatefile" -> add(certificateFiles, line.single(), at, active);
            case "identitiesonly" -> identitiesOnly = first(identitiesOnly,
                    KeywordValues.flag("identitiesonly", line.single(), at), at, active);
            case "identityagent" -> identityAgent = first(identityAgent, agent(line.single(), at), at, active);
            case "proxyjump" -> jump(line, active);
            case "proxycommand" -> proxyCommand(line, active);
            case "userknownhostsfile" -> userKnownHostsFiles = first(userKnownHostsFiles, files(line), at, active);
            case "globalknownhostsfile" -> globalKnownHostsFiles = first(globalKnownHostsFiles, files(line), at, active);
            case "stricthostkeychecking" -> strictHostKeyChecking = first(strictHostKeyChecking,
                    KeywordValues.strict(line.single(), at), at, active);
            case "connecttimeout" -> connectTimeout = first(connectTimeout, KeywordValues.time(line.single(), at), at, active);
            case "serveraliveinterval" -> serverAliveInterval = first(serverAliveInterval,
                    KeywordValues.time(line.single(), at), at, active);
            case "hostkeyalias" -> hostKeyAlias = first(hostKeyAlias, line.single(), at, active);
            default -> { } // a keyword ssh knows and nodefix does not use
        }
    }

    private static <T> Optional<Sourced<T>> first(Optional<Sourced<T>> taken, T value, Location at, boolean active) {
        return taken.isPresent() || !active ? taken : Optional.of(new Sourced<>(value, at));
    }

    private static void add(List<Sourced<String>> list, String value, Location at, boolean active) {
        if (active && list.stream().noneMatch(s -> s.value().equals(value))) {
            list.add(new Sourced<>(value, at));
        }
    }

    /** parse_agent_path: a ${VAR} must be set, a legacy $VAR must be a valid name. */
    private String agent(String value, Location at) {
        new TokenExpander(Map.of(), env, Path.of("/")).dollar(value, "identityagent", at);
        if (value.startsWith("$") && !value.startsWith("${") && !value.substring(1).matches("[A-Za-z0-9_]+")) {
            throw new SshConfigException(at, "Invalid environment name " + value + ".");
        }
        return value;
    }

    private void jump(ConfigLine line, boolean active) {
        ProxyJump jump = KeywordValues.jump(line.single(), line.at());
        if (active && proxyCommand.isEmpty()) {
            proxyJump = first(proxyJump, jump, line.at(), true);
        }
    }

    private void proxyCommand(ConfigLine line, boolean active) {
        String command = LineSplitter.skip(line.rest(), 0, " \t\r\n=");
        if (active && proxyJump.isEmpty()) {
            proxyCommand = first(proxyCommand, command, line.at(), true);
        }
    }

    /** UserKnownHostsFile / GlobalKnownHostsFile: a list; "none" only alone (an empty list). */
    private static List<String> files(ConfigLine line) {
        List<String> args = line.args();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isEmpty()) {
                throw new SshConfigException(line.at(), "keyword " + line.keyword() + " empty argument");
            }
            if (args.get(i).equalsIgnoreCase("none") && args.size() > 1) {
                throw new SshConfigException(line.at(), "keyword " + line.keyword() + " \"none\" argument must appear alone.");
            }
        }
        if (args.isEmpty()) {
            throw new SshConfigException(line.at(), "missing argument for " + line.keyword());
        }
        return args.size() == 1 && args.get(0).equalsIgnoreCase("none") ? List.of() : args;
    }
}
