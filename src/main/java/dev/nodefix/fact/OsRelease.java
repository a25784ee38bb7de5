package dev.nodefix.fact;

import java.util.Map;
import java.util.Optional;

/** {@code /etc/os-release}: distribution id, version and pretty name. */
public record OsRelease(Optional<String> id, Optional<String> versionId, Optional<String> prettyName) {
    public static final Fact<OsRelease> FACT = Fact.of("os-release", OsRelease::parse);

    static OsRelease parse(Section section) {
        Map<String, String> vars = ShellAssignments.parse(section.succeeded() ? section.lines() : java.util.List.of());
        return new OsRelease(Optional.ofNullable(vars.get("ID")), Optional.ofNullable(vars.get("VERSION_ID")),
                Optional.ofNullable(vars.get("PRETTY_NAME")));
    }
}
