package dev.nodefix.sshconfig;

import java.util.Locale;

/**
 * Evaluates a {@code Match} line as ssh 9.2's match_cfg_line does: {@code all}, {@code host},
 * {@code originalhost}, {@code user}, {@code localuser}, {@code canonical} and {@code final}, each may be
 * negated with {@code !}. {@code exec} is refused when ssh would run it (no earlier criterion failed);
 * anything else is an error, as in ssh.
 *
 * @param host the host name so far (HostName with %h expanded, else the name given)
 * @param originalHost the name given to ssh
 * @param remoteUser the user so far (command line, else the first User taken, else the local user)
 * @param finalPass whether this is the second pass that {@code Match final} asks for
 */
record MatchCondition(String host, String originalHost, String remoteUser, String localUser, boolean finalPass) {

    /** Whether the line matches, and whether it asks for a final pass. */
    record Outcome(boolean matches, boolean wantsFinal) {}

    Outcome evaluate(ConfigLine line) {
        String text = line.rest();
        int pos = 0;
        int attributes = 0;
        boolean result = true;
        boolean wantsFinal = false;
        Delimited word;
        while ((word = Delimited.next(text, pos)) != null && !word.text().isEmpty() && !word.text().startsWith("#")) {
            pos = word.next();
            boolean negate = word.text().startsWith("!");
            String attribute = (negate ? word.text().substring(1) : word.text()).toLowerCase(Locale.ROOT);
            if (attribute.equals("all")) {
                Delimited arg = Delimited.next(text, pos);
                if (attributes > 1 || (arg != null && !arg.text().isEmpty() && !arg.text().startsWith("#"))) {
                    throw new SshConfigException(line.at(),
                            "'" + word.text() + "' cannot be combined with other Match attributes");
                }
                return new Outcome(result && !negate, wantsFinal);
            }
            attributes++;
            if (attribute.equals("canonical") || attribute.equals("final")) {
                wantsFinal |= attribute.equals("final");
                result &= finalPass != negate;
                continue;
            }
            Delimited arg = Delimited.next(text, pos);
            if (arg == null || arg.text().isEmpty() || arg.text().startsWith("#")) {
                throw new SshConfigException(line.at(), "Missing Match criteria for " + word.text());
            }
            pos = arg.next();
            if (attribute.equals("exec")) {
                if (result) {
                    throw new SshConfigException(line.at(), "Match exec is not supported by nodefix"
                            + " (ssh would run '" + arg.text() + "' for this host)");
                }
                continue; // ssh skips it too: an earlier criterion failed
            }
            result &= criterion(attribute, arg.text(), line) != negate;
        }
        if (attributes == 0) {
            throw new SshConfigException(line.at(), "One or more attributes required for Match");
        }
        return new Outcome(result, wantsFinal);
    }

    private boolean criterion(String attribute, String patterns, ConfigLine line) {
        return switch (attribute) {
            case "host" -> HostPatterns.listMatches(host.toLowerCase(Locale.ROOT), patterns, true);
            case "originalhost" -> HostPatterns.listMatches(originalHost.toLowerCase(Locale.ROOT), patterns, true);
            case "user" -> HostPatterns.listMatches(remoteUser, patterns, false);
            case "localuser" -> HostPatterns.listMatches(localUser, patterns, false);
            default -> throw new SshConfigException(line.at(), "Unsupported Match attribute " + attribute
                    + " (Match " + attribute + " is not supported by nodefix)");
        };
    }
}
