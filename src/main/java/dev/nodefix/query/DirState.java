package dev.nodefix.query;

import java.util.Objects;

/**
 * What {@link DirQuery} found at one path.
 *
 * @param target where a link points (as {@code readlink} prints it); empty for the other kinds
 */
public record DirState(String path, Kind kind, String target) {
    /** What a path is on the node. */
    public enum Kind { DIRECTORY, LINK, OTHER, ABSENT }

    public DirState {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    static DirState parse(String path, String output, int exitCode) {
        String line = output.strip();
        if (exitCode != 0 || line.isEmpty()) {
            throw new StateException("cannot read the directory " + path + ": " + line);
        }
        return switch (line.substring(0, 1)) {
            case "D" -> new DirState(path, Kind.DIRECTORY, "");
            case "X" -> new DirState(path, Kind.OTHER, "");
            case "A" -> new DirState(path, Kind.ABSENT, "");
            case "L" -> new DirState(path, Kind.LINK, line.length() > 2 ? line.substring(2) : "");
            default -> throw new StateException("unexpected directory state for " + path + ": " + line);
        };
    }
}
