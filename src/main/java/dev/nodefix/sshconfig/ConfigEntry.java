package dev.nodefix.sshconfig;

/** What a config file holds, in order: a line, or the files one {@code Include} line brought in. */
sealed interface ConfigEntry permits ConfigLine, IncludedFiles {
}
