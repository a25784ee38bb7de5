package dev.nodefix.ansiblecfg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An INI file as Python's configparser holds it: sections by their case-sensitive name, keys lower-cased,
 * and the {@code [DEFAULT]} section's keys visible in every other section.
 */
public record IniFile(Map<String, Map<String, IniEntry>> sections, Map<String, IniEntry> defaults) {
    /** configparser's name for the section whose keys every other section inherits. */
    public static final String DEFAULT_SECTION = "DEFAULT";

    public IniFile {
        Map<String, Map<String, IniEntry>> copy = new LinkedHashMap<>();
        sections.forEach((name, keys) -> copy.put(name, Map.copyOf(keys)));
        sections = Map.copyOf(copy);
        defaults = Map.copyOf(defaults);
    }

    /**
     * What {@code ConfigParser.get(section, key, raw=True)} returns: the section's own key, else the
     * {@code [DEFAULT]} one; nothing when the section is absent (configparser raises, Ansible treats it as unset).
     */
    public Optional<IniEntry> get(String section, String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (section.equals(DEFAULT_SECTION)) {
            return Optional.ofNullable(defaults.get(lower));
        }
        Map<String, IniEntry> keys = sections.get(section);
        if (keys == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(keys.getOrDefault(lower, defaults.get(lower)));
    }
}
