package dev.nodefix.fact;

import java.util.Optional;

/** The node's kernel host name ({@code /proc/sys/kernel/hostname}, else {@code uname -n}), as the node has it. */
public record Hostname(Optional<String> name) {
    public static final Fact<Hostname> FACT = Fact.of("hostname", Hostname::parse);

    static Hostname parse(Section section) {
        return new Hostname(section.succeeded()
                ? section.lines().stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                : Optional.empty());
    }
}
