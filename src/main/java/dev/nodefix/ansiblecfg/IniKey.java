package dev.nodefix.ansiblecfg;

import java.util.Objects;

/** Where a setting may be written in ansible.cfg: {@code [section] key}. */
public record IniKey(String section, String key) {
    public IniKey {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "[" + section + "] " + key;
    }
}
