package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Sourced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides one setting as Ansible's {@code get_config_value_and_origin} does: the environment first (the last
 * of its variables that is set), else the config file (the last of its keys present), then converts the
 * winning text with {@code ensure_type}. Where Ansible would silently read a non-boolean as False, this refuses.
 */
final class SettingReader {
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?[0-9]+(_[0-9]+)*\\s*");
    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f");

    private final Optional<IniFile> ini;
    private final Path configDir;
    private final Map<String, String> env;
    private final PathExpansion paths;

    SettingReader(Optional<IniFile> ini, Path configDir, Map<String, String> env, PathExpansion paths) {
        this.ini = ini;
        this.configDir = configDir;
        this.env = Map.copyOf(env);
        this.paths = paths;
    }

    /** The winning text of a setting and where it was set. */
    private record Raw(String text, Location origin, boolean fromEnv) {
    }

    /** The winning text of {@code setting}, read as {@code type} (which must be the table's type for it). */
    private Optional<Raw> raw(Setting setting, ValueType type) {
        if (setting.type() != type) {
            throw new IllegalArgumentException(setting + " is " + setting.type() + ", not " + type);
        }
        Raw found = null;
        for (String name : setting.envNames()) {
            if (env.containsKey(name)) {
                found = new Raw(env.get(name), new Location(name, 0, 0), true);
            }
        }
        for (IniKey key : setting.iniKeys()) {
            if (found != null && found.fromEnv()) {
                break;
            }
            Optional<IniEntry> entry = ini.flatMap(file -> file.get(key.section(), key.key()));
            if (entry.isPresent()) {
                found = new Raw(entry.get().value(), entry.get().location(), false);
            }
        }
        if (found != null && !found.fromEnv() && found.text().indexOf('\uFFFD') >= 0) {
            throw bad(setting, found, "holds bytes that are not UTF-8 text");
        }
        return Optional.ofNullable(found);
    }

    Optional<Sourced<String>> string(Setting setting) {
        return raw(setting, ValueType.STRING).map(raw -> new Sourced<>(unquote(raw.text()), raw.origin()));
    }

    /** An empty environment variable counts as unset here, as Ansible falls back to the default for it. */
    Optional<Sourced<Integer>> integer(Setting setting) {
        return raw(setting, ValueType.INTEGER).filter(raw -> !(raw.fromEnv() && raw.text().isEmpty()))
                .map(raw -> new Sourced<>(toInteger(setting, raw), raw.origin()));
    }

    Optional<Sourced<Boolean>> bool(Setting setting) {
        return raw(setting, ValueType.BOOLEAN).map(raw -> new Sourced<>(toBoolean(setting, raw), raw.origin()));
    }

    Optional<Sourced<Path>> path(Setting setting) {
        return raw(setting, ValueType.PATH)
                .map(raw -> new Sourced<>(paths.resolve(raw.text(), base(raw)), raw.origin()));
    }

    List<Sourced<Path>> pathList(Setting setting) {
        List<Sourced<Path>> items = new ArrayList<>();
        raw(setting, ValueType.PATH_LIST).ifPresent(raw -> {
            for (String item : raw.text().split(",", -1)) {
                items.add(new Sourced<>(paths.resolve(item.strip(), base(raw)), raw.origin()));
            }
        });
        return List.copyOf(items);
    }

    private Path base(Raw raw) {
        return raw.fromEnv() ? paths.workingDir() : configDir;
    }

    private static int toInteger(Setting setting, Raw raw) {
        if (!INTEGER.matcher(raw.text()).matches()) {
            throw bad(setting, raw, "is not an integer (Ansible refuses it too)");
        }
        try {
            return Integer.parseInt(raw.text().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw bad(setting, raw, "is too large");
        }
    }

    private static boolean toBoolean(Setting setting, Raw raw) {
        String word = raw.text().strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw bad(setting, raw, "is not a boolean (Ansible would silently read it as False);"
                + " use yes/no, true/false, on/off or 1/0");
    }

    private static AnsibleConfigException bad(Setting setting, Raw raw, String problem) {
        return new AnsibleConfigException(raw.origin(), setting.key() + ": '" + raw.text() + "' " + problem);
    }

    /** Ansible's {@code unquote}: one pair of matching outer quotes removed unless the closing one is escaped. */
    static String unquote(String text) {
        boolean quoted = text.length() > 1 && text.charAt(0) == text.charAt(text.length() - 1)
                && (text.charAt(0) == '"' || text.charAt(0) == '\'') && text.charAt(text.length() - 2) != '\\';
        return quoted ? text.substring(1, text.length() - 1) : text;
    }
}
