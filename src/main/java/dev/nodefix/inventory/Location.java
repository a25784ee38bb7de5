package dev.nodefix.inventory;

import java.util.Objects;

/** A place in an input file, 1-based, printed as {@code file:line:col}. */
public record Location(String file, int line, int column) {
    public Location {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
