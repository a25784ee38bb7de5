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
        Words words = new Words(line);
        int attributes = 0;
        boolean result = true;
        boolean wantsFinal = false;
        for (String word = words.next(); word != null; word = words.next()) {
            boolean negate = word.startsWith("!");
            String attribute = (negate ? word.substring(1) : word).toLowerCase(Locale.ROOT);
            if (attribute.equals("all")) {
                if (attributes > 1 || words.next() != null) {
                    throw new SshConfigException(line.at(), "'" + word + "' cannot be combined with other Match attributes");
                }
                return new Outcome(result && !negate, wantsFinal);
            }
            attributes++;
            if (attribute.equals("canonical") || attribute.equals("final")) {
                wantsFinal |= attribute.equals("final");
                result &= finalPass != negate;
            } else if (attribute.equals("exec")) {
                exec(line, words.argument(word), result);
            } else {
                result &= criterion(attribute, words.argument(word), line) != negate;
            }
        }
        if (attributes == 0) {
            throw new SshConfigException(line.at(), "One or more attributes required for Match");
        }
        return new Outcome(result, wantsFinal);
    }

    /** ssh runs the command only when no earlier criterion failed; nodefix refuses exactly then. */
    private static void exec(ConfigLine line, String command, boolean result) {
        if (result) {
            throw new SshConfigException(line.at(), "Match exec is not supported by nodefix"
                    + " (ssh would run '" + command + "' for this host)");
        }
    }

    /** The words of a Match line, taken with strdelim; a word starting with # ends them. */
    private static final class Words {
        private final ConfigLine line;
        private int pos;

        Words(ConfigLine line) {
            this.line = line;
        }

        String next() {
            Delimited word = Delimited.next(line.rest(), pos);
            if (word == null || word.text().isEmpty() || word.text().startsWith("#")) {
                return null;
            }
            pos = word.next();
            return word.text();
        }

        String argument(String attribute) {
            String arg = next();
            if (arg == null) {
                throw new SshConfigException(line.at(), "Missing Match criteria for " + attribute);
            }
            return arg;
        }
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
