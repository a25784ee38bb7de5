package dev.nodefix.ansiblecfg;

/**
 * The {@code type:} of an Ansible config definition, as {@code ensure_type} converts it. Strings are unquoted
 * (one pair of matching outer quotes removed); paths are expanded, never unquoted.
 */
public enum ValueType {
    /** No type or {@code str}: the text, unquoted. */
    STRING,
    /** {@code integer}: Python's {@code int()}. */
    INTEGER,
    /** {@code boolean}: y/yes/on/1/true/t or n/no/off/0/false/f, any case. */
    BOOLEAN,
    /** {@code path}: $VAR and ~ expanded, relative to the config file's directory (or the working directory). */
    PATH,
    /** {@code pathlist}: comma-separated, each item stripped and resolved as a {@link #PATH}. */
    PATH_LIST
}
