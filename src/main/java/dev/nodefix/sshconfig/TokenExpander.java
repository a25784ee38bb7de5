package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * ssh's expansion of a keyword's value: {@code ~} or {@code ~/} to the home directory, then
 * {@code %}-tokens from {@code tokens} ({@code %%} is a percent sign) and {@code ${VAR}} from {@code env}.
 * An unknown token or unset variable is an error, as in ssh.
 */
record TokenExpander(Map<Character, String> tokens, Map<String, String> env, Path home) {
    TokenExpander {
        tokens = Map.copyOf(tokens);
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
    }

    /** A path-like value (IdentityFile, CertificateFile, UserKnownHostsFile, IdentityAgent): ~, % and ${}. */
    String path(String value, String keyword, Location at) {
        return expand(tilde(value, keyword, at), keyword, at, true, true);
    }

    /** Only {@code ${VAR}} (how ssh checks an IdentityAgent value when it reads it). */
    String dollar(String value, String keyword, Location at) {
        return expand(value, keyword, at, false, true);
    }

    /** Only {@code %}-tokens (what HostName gets). */
    String percent(String value, String keyword, Location at) {
        return expand(value, keyword, at, true, false);
    }

    private String tilde(String value, String keyword, Location at) {
        if (value.equals("~") || value.startsWith("~/")) {
            return home + value.substring(1);
        }
        if (value.startsWith("~")) {
            throw new SshConfigException(at, keyword + " " + value + ": ~user paths are not supported by nodefix");
        }
        return value;
    }

    private String expand(String s, String keyword, Location at, boolean percent, boolean dollar) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dollar && c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int end = s.indexOf('}', i + 2);
                if (end < 0 || end == i + 2) {
                    throw new SshConfigException(at, keyword + ": bad ${...} in '" + s + "'");
                }
                out.append(variable(s.substring(i + 2, end), keyword, at));
                i = end;
            } else if (c != '%' || !percent) {
                out.append(c);
            } else if (++i >= s.length()) {
                throw new SshConfigException(at, keyword + ": invalid format '" + s + "' (ends with %)");
            } else {
                out.append(token(s.charAt(i), keyword, at));
            }
        }
        return out.toString();
    }

    private String variable(String name, String keyword, Location at) {
        String value = env.get(name);
        if (value == null) {
            throw new SshConfigException(at, keyword + ": env var ${" + name + "} has no value");
        }
        return value;
    }

    private String token(char key, String keyword, Location at) {
        if (key == '%') {
            return "%";
        }
        String value = tokens.get(key);
        if (value == null) {
            throw new SshConfigException(at, keyword + ": unknown key %" + key
                    + (key == 'i' ? " (%i is not supported by nodefix)" : ""));
        }
        return value;
    }
}
