package dev.nodefix.ansiblecfg;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code unfrackpath(path, follow=False, basedir)}: {@code $VAR}/{@code ${VAR}} from the given
 * environment, a leading {@code ~} or {@code ~/} to the user's home ({@code HOME} if set, as Python's
 * {@code expanduser} does, else {@code home}), relative paths joined to a base directory, then Python's
 * {@code normpath} (no symlinks resolved). {@code ~user} stays as written.
 */
public record PathExpansion(Map<String, String> env, Path home, Path workingDir) {
    private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[^}]*\\})");

    public PathExpansion {
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /** {@code value} as an absolute, normalised path; relative ones against {@code baseDir}. */
    public Path resolve(String value, Path baseDir) {
        String path = expandUser(expandVars(value.replace("{{CWD}}", workingDir.toString())));
        if (!path.startsWith("/")) {
            String base = baseDir.toString();
            path = base.endsWith("/") ? base + path : base + "/" + path;
        }
        return Path.of(normalise(path));
    }

    /** Python's {@code os.path.expandvars}: unknown variables are left as written. */
    String expandVars(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            if (name.startsWith("{")) {
                name = name.substring(1, name.length() - 1);
            }
            String replacement = env.get(name);
            out.append(value, last, matcher.start()).append(replacement == null ? matcher.group() : replacement);
            last = matcher.end();
        }
        return out.append(value.substring(last)).toString();
    }

    /** The directory {@code ~} means: {@code HOME} when set, else the given home. */
    public String userHome() {
        return env.getOrDefault("HOME", home.toString());
    }

    private String expandUser(String value) {
        if (!value.equals("~") && !value.startsWith("~/")) {
            return value;
        }
        String home = userHome().replaceAll("/+$", "");
        String expanded = home + value.substring(1);
        return expanded.isEmpty() ? "/" : expanded;
    }

    /** Python's {@code posixpath.normpath} for an absolute path. */
    static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
