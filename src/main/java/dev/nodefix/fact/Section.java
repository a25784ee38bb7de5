package dev.nodefix.fact;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One framed part of the collector's output.
 *
 * @param exitCode empty unless {@link Status#RAN}
 * @param lines    what the command printed (stdout and stderr merged), without the framing
 */
public record Section(String name, Status status, Optional<Integer> exitCode, List<String> lines) {
    /** Whether the section's command ran, its tool was missing, or the section is not in the output at all. */
    public enum Status { RAN, ABSENT, MISSING }

    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        lines = List.copyOf(lines);
    }

    public static Section ran(String name, int exitCode, List<String> lines) {
        return new Section(name, Status.RAN, Optional.of(exitCode), lines);
    }

    public static Section absent(String name) {
        return new Section(name, Status.ABSENT, Optional.empty(), List.of());
    }

    public static Section missing(String name) {
        return new Section(name, Status.MISSING, Optional.empty(), List.of());
    }

    /** The command ran (whatever its exit code) and printed something. */
    public boolean hasOutput() {
        return status == Status.RAN && lines.stream().anyMatch(l -> !l.isBlank());
    }

    public boolean succeeded() {
        return status == Status.RAN && exitCode.orElse(-1) == 0;
    }

    /** The collector's line for a file it could not read; it then ends the section with a non-zero rc. */
    public static final String UNREADABLE = "# unreadable: ";

    /**
     * Everything the section covers was read: it ran with rc 0 and names no unreadable file, or it is absent (nothing
     * there to read). A section that is missing, failed or names an unreadable file was not: cannot tell what the
     * unread part says, never that it is silent.
     */
    public boolean readWhole() {
        return status == Status.ABSENT || succeeded() && lines.stream().noneMatch(l -> l.startsWith(UNREADABLE));
    }

    public String text() {
        return String.join("\n", lines);
    }
}
