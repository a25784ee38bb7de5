package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One host's walk over the config files, as ssh's read_config_file_depth and process_config_line do it:
 * each top-level file starts active, {@code Host} and {@code Match} lines switch the active state, an
 * {@code Include} inherits it (its files never match when it was inactive) and restores it after each file.
 * Unknown keywords are errors unless the IgnoreUnknown taken so far lists them.
 */
final class HostPass {
    private final String host;
    private final Optional<String> commandLineUser;
    private final String localUser;
    private final Set<String> keywords;
    private final TakenValues taken;
    private boolean active;
    private boolean finalPass;
    private boolean wantsFinal;
    private String hostForHostLines;

    HostPass(String host, Optional<String> commandLineUser, String localUser, Set<String> keywords,
            Map<String, String> env) {
        this.host = host;
        this.commandLineUser = commandLineUser;
        this.localUser = localUser;
        this.keywords = keywords;
        this.taken = new TakenValues(env);
        this.hostForHostLines = host;
    }

    /** Runs the pass (and the final pass when a Match final asked for one); returns the values taken. */
    TakenValues run(List<ConfigFile> files) {
        files.forEach(this::top);
        if (wantsFinal) {
            hostForHostLines = hostNameSoFar().toLowerCase(Locale.ROOT);
            finalPass = true;
            taken.hostNameFixed = true; // ssh sets it to the final host name before the second pass
            files.forEach(this::top);
        }
        return taken;
    }

    private void top(ConfigFile file) {
        active = true;
        walk(file, false);
    }

    private void walk(ConfigFile file, boolean neverMatch) {
        for (ConfigEntry entry : file.entries()) {
            if (entry instanceof IncludedFiles included) {
                boolean outer = active;
                for (ConfigFile inner : included.files()) {
                    walk(inner, neverMatch || !outer);
                    active = outer;
                }
            } else if (entry instanceof ConfigLine line) {
                apply(line, neverMatch);
            }
        }
    }

    private void apply(ConfigLine line, boolean neverMatch) {
        if (!keywords.contains(line.keyword())) {
            boolean ignored = taken.ignoreUnknown
                    .map(i -> HostPatterns.listMatches(line.keyword(), i.value(), true)).orElse(false);
            if (!ignored) {
                throw new SshConfigException(line.at(), "Bad configuration option: " + line.keyword());
            }
            return;
        }
        switch (line.keyword()) {
            case "host" -> hostLine(line, neverMatch);
            case "match" -> matchLine(line, neverMatch);
            default -> taken.take(line, active);
        }
    }

    private void hostLine(ConfigLine line, boolean neverMatch) {
        active = false;
        for (String arg : line.args()) {
            if (arg.isEmpty()) {
                throw new SshConfigException(line.at(), "keyword host empty argument");
            }
            if (neverMatch) {
                return;
            }
            boolean negated = arg.startsWith("!");
            if (HostPatterns.matches(hostForHostLines, negated ? arg.substring(1) : arg)) {
                if (negated) {
                    active = false;
                    return;
                }
                active = true;
            }
        }
    }

    private void matchLine(ConfigLine line, boolean neverMatch) {
        MatchCondition condition = new MatchCondition(hostNameSoFar(), host, remoteUserSoFar(), localUser, finalPass);
        MatchCondition.Outcome outcome = condition.evaluate(line);
        wantsFinal |= outcome.wantsFinal();
        active = !neverMatch && outcome.matches();
    }

    /** HostName taken so far with %h expanded (in the final pass: the final host name), else the name given. */
    String hostNameSoFar() {
        if (finalPass) {
            return hostForHostLines;
        }
        return taken.hostName.map(h -> new TokenExpander(Map.of('h', host), Map.of(), Path.of("/"))
                .percent(h.value(), "hostname", h.origin())).orElse(host);
    }

    private String remoteUserSoFar() {
        return commandLineUser.orElse(taken.user.map(Sourced::value).orElse(localUser));
    }
}
