package dev.nodefix.module;

/** How a module argument is written and checked. */
public enum ParamType {
    /** Any text. */
    STRING,
    /** An absolute path. */
    PATH,
    /** on/off, true/false, yes/no (playbooks are YAML 1.2, so these arrive as strings or booleans). */
    SWITCH,
    /** A whole number. */
    INT,
    /** Seconds, as a number. */
    SECONDS,
    /** Octal file permission bits, e.g. 0644 (quoted in YAML, or YAML would read an int). */
    MODE,
    /** One of {@link Param#choices()}. */
    CHOICE,
    /** A mapping of names to on/off (ethtool features). */
    SWITCH_MAP,
    /** A scalar (text, number or switch, kept as YAML gave it) or a list of scalars (a value for a YAML file). */
    SCALARS
}
