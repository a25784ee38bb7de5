package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads ssh config files into {@link ConfigFile}s, following {@code Include} as ssh 9.2 does: relative
 * paths under {@code ~/.ssh} (user files) or the system file's directory (system files), {@code ~} refused in
 * system files, globs expanded, nesting limited to 16 levels; an include cycle is an error (ssh fails on it
 * with "Too many recursive configuration includes").
 */
final class ConfigReader {
    static final int MAX_DEPTH = 16;

    private final Path home;
    private final Path systemDir;

    ConfigReader(Path home, Path systemDir) {
        this.home = home;
        this.systemDir = systemDir;
    }

    /**
     * The file read, or empty when it does not exist. {@code checkPermissions}: refuse a file others may
     * write, as ssh does for ~/.ssh/config (not for a -F file) and for every included file.
     */
    Optional<ConfigFile> read(Path file, boolean user, boolean checkPermissions) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        if (checkPermissions) {
            checkPermissions(file);
        }
        return Optional.of(read(file, user, List.of()));
    }

    private ConfigFile read(Path file, boolean user, List<Path> chain) {
        List<Path> inner = new ArrayList<>(chain);
        inner.add(file.toAbsolutePath().normalize());
        List<ConfigEntry> entries = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            Optional<ConfigLine> line = LineSplitter.split(lines.get(i), file.toString(), i + 1);
            if (line.isEmpty()) {
                continue;
            }
            entries.add(line.get().keyword().equals("include") ? include(line.get(), user, inner) : line.get());
        }
        return new ConfigFile(file, user, entries);
    }

    private IncludedFiles include(ConfigLine line, boolean user, List<Path> chain) {
        List<ConfigFile> files = new ArrayList<>();
        for (String arg : line.args()) {
            for (Path path : IncludeGlob.expand(pattern(line, arg, user))) {
                if (Files.isDirectory(path)) {
                    continue; // ssh opens it and reads no line
                }
                check(line, path, chain);
                checkPermissions(path);
                files.add(read(path, user, chain));
            }
        }
        return new IncludedFiles(line, files);
    }

    private String pattern(ConfigLine line, String arg, boolean user) {
        if (arg.isEmpty()) {
            throw new SshConfigException(line.at(), "keyword include empty argument");
        }
        if (arg.startsWith("~") && !user) {
            throw new SshConfigException(line.at(), "bad include path " + arg + " (~ is for user files only)");
        }
        if (arg.equals("~") || arg.startsWith("~/")) {
            return home + arg.substring(1);
        }
        if (arg.startsWith("~")) {
            throw new SshConfigException(line.at(), "Include " + arg + ": ~user paths are not supported by nodefix");
        }
        if (arg.startsWith("/")) {
            return arg;
        }
        return (user ? home.resolve(".ssh") : systemDir) + "/" + arg;
    }

    private static void check(ConfigLine line, Path path, List<Path> chain) {
        Path normal = path.toAbsolutePath().normalize();
        if (chain.contains(normal)) {
            List<String> names = new ArrayList<>(chain.subList(chain.indexOf(normal), chain.size()).stream()
                    .map(Path::toString).toList());
            names.add(normal.toString());
            throw new SshConfigException(line.at(), "Include loop: " + String.join(" -> ", names));
        }
        if (chain.size() > MAX_DEPTH) {
            throw new SshConfigException(line.at(),
                    "Too many recursive configuration includes (more than " + MAX_DEPTH + " levels)");
        }
    }

    private static void checkPermissions(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            if ((mode & 022) != 0) {
                throw new SshConfigException(new Location(file.toString(), 0, 0),
                        "Bad owner or permissions (group or others may write it; ssh refuses it too)");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX modes here: nothing to check
        }
    }

    private static List<String> lines(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1); // the text after the last newline
            }
            return lines; // split on \n only, as getline(3) does: CR stays and is stripped as whitespace
        } catch (IOException e) {
            throw new SshConfigException(new Location(file.toString(), 0, 0), "cannot read: " + e.getMessage());
        }
    }
}
