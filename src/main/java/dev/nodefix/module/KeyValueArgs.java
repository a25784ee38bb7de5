package dev.nodefix.module;

import dev.nodefix.inventory.ShellWords;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Module arguments written on a command line: {@code key=value} words, shell-quoted where needed;
 * a dotted key fills a mapping ({@code features.tx-checksum-ip-generic=off}). Values stay text; the module's
 * {@link Args} converts them.
 */
public final class KeyValueArgs {
    private KeyValueArgs() {}

    public static Map<String, Object> parse(String module, String text) {
        List<String> words;
        try {
            words = ShellWords.split(text);
        } catch (RuntimeException e) {
            throw new ArgException(module, "", "cannot split arguments: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ArgException(module, "", "expected key=value, got '" + word + "'");
            }
            put(module, out, word.substring(0, eq), word.substring(eq + 1));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(String module, Map<String, Object> out, String key, String value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            if (out.containsKey(key)) {
                throw new ArgException(module, key, "given twice");
            }
            out.put(key, value);
            return;
        }
        Object inner = out.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        if (!(inner instanceof Map)) {
            throw new ArgException(module, key.substring(0, dot), "given both as a value and as a mapping");
        }
        Map<String, Object> map = (Map<String, Object>) inner;
        String rest = key.substring(dot + 1);
        if (map.containsKey(rest)) {
            throw new ArgException(module, key, "given twice");
        }
        map.put(rest, value);
    }
}
