package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads INI text exactly as {@code configparser.ConfigParser(inline_comment_prefixes=(';',))} does for
 * Ansible: {@code #} and {@code ;} start a comment line, {@code ;} after whitespace starts an inline comment,
 * {@code key = value} and {@code key: value}, keys lower-cased, deeper-indented lines continue a value,
 * duplicate sections and keys refused (strict mode). The first line configparser would refuse is an error.
 */
public final class IniReader {
    /** Greedy, like configparser's: the name runs from the first '[' to the last ']', text after it ignored. */
    private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(?<option>.*?)\\s*[=:]\\s*(?<value>.*)");

    private final String file;
    private final Map<String, Map<String, List<String>>> values = new LinkedHashMap<>();
    private final Map<String, Map<String, Location>> locations = new HashMap<>();
    private final Map<String, Integer> sectionLines = new HashMap<>();
    private String section;
    private String option;
    private int indentLevel;

    private IniReader(String file) {
        this.file = file;
    }

    /** Parses {@code text}; {@code file} names it in locations and errors. */
    public static IniFile read(String text, String file) {
        IniReader reader = new IniReader(file);
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            reader.line(lines[i], i + 1);
        }
        return reader.result();
    }

    private void line(String line, int number) {
        int commentStart = commentStart(line);
        String value = (commentStart < 0 ? line : line.substring(0, commentStart)).strip();
        if (value.isEmpty()) {
            if (commentStart < 0 && section != null && option != null) {
                values.get(section).get(option).add("");
            }
            return;
        }
        int indent = firstNonSpace(line);
        if (section != null && option != null && indent > indentLevel) {
            values.get(section).get(option).add(value);
            return;
        }
        indentLevel = indent;
        Matcher header = SECTION.matcher(value);
        if (header.lookingAt()) {
            section(header.group("header"), number, indent);
        } else if (section == null) {
            throw error(number, indent, "a setting before any [section] header: '" + line.strip() + "'");
        } else {
            option(value, number, indent);
        }
    }

    private void section(String name, int number, int indent) {
        Integer first = sectionLines.putIfAbsent(name, number);
        if (first != null && !name.equals(IniFile.DEFAULT_SECTION)) {
            throw error(number, indent, "section [" + name + "] appears twice (first at line " + first
                    + "); Ansible refuses this too");
        }
        values.computeIfAbsent(name, n -> new LinkedHashMap<>());
        locations.computeIfAbsent(name, n -> new HashMap<>());
        section = name;
        option = null;
    }

    private void option(String value, int number, int indent) {
        Matcher matcher = OPTION.matcher(value);
        if (!matcher.matches() || matcher.group("option").isEmpty()) {
            throw error(number, indent, "not a 'key = value' line, a [section] header or a comment: '"
                    + value + "'");
        }
        String key = matcher.group("option").stripTrailing().toLowerCase(Locale.ROOT);
        Location at = new Location(file, number, indent + 1);
        Location first = locations.get(section).putIfAbsent(key, at);
        if (first != null) {
            throw error(number, indent, "key '" + key + "' appears twice in section [" + section
                    + "] (first at line " + first.line() + "); Ansible refuses this too");
        }
        List<String> parts = new ArrayList<>();
        parts.add(matcher.group("value").strip());
        values.get(section).put(key, parts);
        option = key;
    }

    /** Index of a ';' preceded by whitespace (or at 0), or 0 for a '#'/';' comment line, or -1. */
    private static int commentStart(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("#") || stripped.startsWith(";")) {
            return 0;
        }
        for (int i = line.indexOf(';'); i >= 0; i = line.indexOf(';', i + 1)) {
            if (i == 0 || Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstNonSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    private AnsibleConfigException error(int line, int indent, String message) {
        return new AnsibleConfigException(new Location(file, line, indent + 1), message);
    }

    private IniFile result() {
        Map<String, Map<String, IniEntry>> sections = new LinkedHashMap<>();
        values.forEach((name, keys) -> {
            Map<String, IniEntry> entries = new LinkedHashMap<>();
            keys.forEach((key, parts) -> entries.put(key,
                    new IniEntry(String.join("\n", parts).stripTrailing(), locations.get(name).get(key))));
            sections.put(name, entries);
        });
        Map<String, IniEntry> defaults = sections.remove(IniFile.DEFAULT_SECTION);
        return new IniFile(sections, defaults == null ? Map.of() : defaults);
    }
}
